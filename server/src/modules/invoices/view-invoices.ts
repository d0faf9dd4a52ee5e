import type { Deps } from '../../platform/deps';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import type { InvoiceLineRow, InvoiceRow, RequestLineRow, RequestRow, ReversalRow } from './invoice';
import {
  type InvoiceFilter,
  invoiceInScope,
  invoiceLines,
  invoiceOfRequest,
  listInvoices,
  listRequests,
  type RequestFilter,
  redInvoicesOf,
  requestInScope,
  requestLines,
  reversalLines,
  reversalsOf,
} from './invoice-store';
import { invoiceNotFound, requestNotFound } from './refusals';
import { localTaxPlatform, type TaxPlatform } from './tax-platform';

export interface InvoiceView {
  invoice: InvoiceRow;
  lines: InvoiceLineRow[];
  original: InvoiceRow | null;
  reds: InvoiceRow[];
  reversals: (ReversalRow & { lines: { invoice_line_id: string; amount: bigint }[] })[];
}

export async function getInvoice(deps: Deps, p: Principal, id: string): Promise<InvoiceView> {
  const ex = deps.database.db;
  const invoice = await invoiceInScope(ex, p, id);
  if (!invoice) throw invoiceNotFound();
  const original = invoice.original_id ? ((await invoiceInScope(ex, p, invoice.original_id)) ?? null) : null;
  const blueId = invoice.kind === 'blue' ? invoice.id : invoice.original_id;
  const reversals = blueId ? await reversalsOf(ex, blueId) : [];
  return {
    invoice,
    lines: await invoiceLines(ex, invoice.id),
    original,
    reds: invoice.kind === 'blue' ? await redInvoicesOf(ex, invoice.id) : [],
    reversals: await Promise.all(
      reversals.map(async (r) => ({ ...r, lines: await reversalLines(ex, r.id) })),
    ),
  };
}

export function findInvoices(
  deps: Deps,
  p: Principal,
  f: Omit<InvoiceFilter, 'principal'>,
): Promise<(InvoiceRow & KeyedRow)[]> {
  return listInvoices(deps.database.db, { ...f, principal: p });
}

export function findInvoiceRequests(
  deps: Deps,
  p: Principal,
  f: Omit<RequestFilter, 'principal'>,
): Promise<(RequestRow & KeyedRow)[]> {
  return listRequests(deps.database.db, { ...f, principal: p });
}

export async function getInvoiceRequest(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<{ request: RequestRow; lines: RequestLineRow[]; invoice: InvoiceRow | null }> {
  const ex = deps.database.db;
  const request = await requestInScope(ex, p, id);
  if (!request) throw requestNotFound();
  return {
    request,
    lines: await requestLines(ex, [id]),
    invoice: (await invoiceOfRequest(ex, id)) ?? null,
  };
}

/** The invoice's PDF as the tax platform renders it (the shipped one: pdfkit with Noto Sans Hans). */
export async function invoicePdf(
  deps: Deps,
  p: Principal,
  id: string,
  platform: TaxPlatform = localTaxPlatform,
): Promise<{ invoice: InvoiceRow; pdf: Buffer }> {
  const v = await getInvoice(deps, p, id);
  return { invoice: v.invoice, pdf: await platform.pdf(v.invoice, v.lines, v.original) };
}
