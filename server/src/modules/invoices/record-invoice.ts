import { formatAmount, newId } from '@kaidan/shared';
import { businessDate, type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/executor';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { emitEvent, invoiceIssued } from '../webhooks';
import { type InvoiceLineRow, type InvoiceRow, invoiceNumber, seriesOf } from './invoice';
import { insertInvoice, takeSeriesNumber } from './invoice-store';
import type { TaxPlatform } from './tax-platform';

export type InvoiceDraft = Omit<
  InvoiceRow,
  'id' | 'number' | 'series' | 'year' | 'seq' | 'platform_ref' | 'issued_by' | 'issued_at' | 'issue_date'
>;
export type LineDraft = Omit<InvoiceLineRow, 'id' | 'invoice_id' | 'line_no'>;

/**
 * The in-transaction step that makes a draft an issued invoice: the next gap-free number of its series
 * and year (Asia/Shanghai), the tax platform's issue, the append-only rows, the trail and `invoice.issued`.
 * Everything commits or rolls back with the caller, the number included.
 */
export async function recordInvoice(
  tx: Tx,
  clock: Clock,
  p: Principal,
  platform: TaxPlatform,
  draft: InvoiceDraft,
  lineDrafts: readonly LineDraft[],
  /** the seller's user named as issuer when the acting user is the buyer (a confirmed red-letter form) */
  issuedBy: string | null = p.userId,
): Promise<{ invoice: InvoiceRow; lines: InvoiceLineRow[] }> {
  const now = clock.now();
  const date = businessDate(now);
  const series = seriesOf(draft.kind, draft.invoice_type);
  const seq = await takeSeriesNumber(tx, series, date.year);
  const id = newId('inv', now.epochMilliseconds);
  const base: InvoiceRow = {
    ...draft,
    id,
    number: invoiceNumber(series, date.year, seq),
    series,
    year: date.year,
    seq,
    platform_ref: '',
    issued_by: issuedBy,
    issued_at: toDate(now),
    issue_date: date.toString(),
  };
  const lines: InvoiceLineRow[] = lineDrafts.map((l, i) => ({
    ...l,
    id: newId('inl', now.epochMilliseconds),
    invoice_id: id,
    line_no: i + 1,
  }));
  const { platformRef } = await platform.issue(base, lines);
  const invoice = { ...base, platform_ref: platformRef };
  await insertInvoice(tx, invoice, lines);
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'invoice',
    objectId: id,
    action: draft.kind === 'blue' ? 'invoice.issued' : 'invoice.red_issued',
    stateAfter: 'issued',
    after: {
      number: invoice.number,
      kind: draft.kind,
      total: formatAmount(invoice.total, invoice.currency),
      tax: formatAmount(invoice.tax_total, invoice.currency),
      platform: platform.name,
      platformRef,
    },
  });
  await emitEvent(tx, clock, invoiceIssued(invoice, [...new Set(lines.map((l) => l.order_id))]));
  return { invoice, lines };
}
