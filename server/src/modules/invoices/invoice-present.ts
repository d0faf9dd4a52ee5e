import type {
  Invoice,
  InvoiceDetail,
  InvoiceRequest,
  InvoiceRequestDetail,
  Reversal,
} from '@kaidan/shared/contracts/invoices';
import { iso, money } from '../../http/present';
import type { InvoiceRow, RequestLineRow, RequestRow } from './invoice';
import type { InvoiceView } from './view-invoices';

// Rows → the wire shapes of shared/src/contracts/invoices.ts (amounts as decimal strings).

const rate = (bp: number) => `${bp / 100}%`;

export const presentRequest = (r: RequestRow): InvoiceRequest => ({
  id: r.id,
  companyId: r.company_id,
  type: r.invoice_type,
  language: r.language,
  buyer: {
    name: r.buyer_name,
    taxId: r.buyer_tax_id,
    address: r.buyer_address,
    phone: r.buyer_phone,
    bank: r.buyer_bank,
    account: r.buyer_account,
  },
  email: r.email,
  currency: r.currency,
  total: money(r.total, r.currency),
  tax: money(r.tax_total, r.currency),
  state: r.state,
  requestedBy: r.requested_by,
  requestedAt: r.requested_at.toISOString(),
  decidedAt: iso(r.decided_at),
  comment: r.comment,
  version: r.version,
});

export const presentRequestDetail = (
  r: RequestRow,
  lines: RequestLineRow[],
  invoice: InvoiceRow | null,
): InvoiceRequestDetail => ({
  ...presentRequest(r),
  lines: lines.map((l) => ({
    lineNo: l.line_no,
    orderId: l.order_id,
    orderNumber: l.order_number,
    itemName: l.item_name,
    taxCode: l.tax_code,
    taxRate: rate(l.tax_rate_bp),
    amount: money(l.amount, r.currency),
    net: money(l.amount - l.tax, r.currency),
    tax: money(l.tax, r.currency),
  })),
  invoiceId: invoice?.id ?? null,
});

export const presentInvoice = (i: InvoiceRow): Invoice => ({
  id: i.id,
  number: i.number,
  kind: i.kind,
  type: i.invoice_type,
  companyId: i.company_id,
  requestId: i.request_id,
  originalId: i.original_id,
  reason: i.reason,
  language: i.language,
  buyer: {
    name: i.buyer_name,
    taxId: i.buyer_tax_id,
    address: i.buyer_address,
    phone: i.buyer_phone,
    bank: i.buyer_bank,
    account: i.buyer_account,
  },
  currency: i.currency,
  total: money(i.total, i.currency),
  tax: money(i.tax_total, i.currency),
  issueDate: i.issue_date,
  issuedAt: i.issued_at.toISOString(),
});

export function presentInvoiceDetail(v: InvoiceView): InvoiceDetail {
  const c = v.invoice.currency;
  // Live reversals (pending forms and issued ones) hold their amounts, as the database check counts them.
  const reversedOf = (lineId: string) =>
    v.reversals
      .filter((r) => r.state !== 'cancelled')
      .flatMap((r) => r.lines)
      .filter((l) => l.invoice_line_id === lineId)
      .reduce((s, l) => s + l.amount, 0n);
  const reversals: Reversal[] = v.reversals.map((r) => ({
    id: r.id,
    reason: r.reason,
    buyerBooked: r.buyer_booked,
    state: r.state,
    redInvoiceId: r.red_invoice_id,
    requestedAt: r.requested_at.toISOString(),
    confirmedAt: iso(r.confirmed_at),
    lines: r.lines.map((l) => ({ lineId: l.invoice_line_id, amount: money(l.amount, c) })),
  }));
  return {
    ...presentInvoice(v.invoice),
    lines: v.lines.map((l) => ({
      id: l.id,
      lineNo: l.line_no,
      orderId: l.order_id,
      originalLineId: l.original_line_id,
      itemName: l.item_name,
      taxCode: l.tax_code,
      taxRate: rate(l.tax_rate_bp),
      amount: money(l.amount, c),
      net: money(l.amount - l.tax, c),
      tax: money(l.tax, c),
      reversible: v.invoice.kind === 'blue' ? money(l.amount - reversedOf(l.id), c) : null,
    })),
    original: v.original ? presentInvoice(v.original) : null,
    reds: v.reds.map(presentInvoice),
    reversals,
  };
}
