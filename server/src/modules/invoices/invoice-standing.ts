import type { Exec } from '../../platform/db/executor';
import { standingRows } from './invoice-store';

export interface InvoiceStanding {
  /** tax-inclusive amount of blue invoices covering the order */
  issued: bigint;
  /** red-letter reversed, as a positive amount */
  reversed: bigint;
  /** invoice requests naming the order that are not yet issued (R33: withdrawn with a refund) */
  openRequests: string[];
}

/**
 * For refunds (R30, R33): per order, what is invoiced and reversed and which requests are open. An order
 * with issued − reversed > 0 has invoiced money a refund must red-letter first. Every id asked gets an
 * entry (zeros when it has no invoice).
 */
export async function invoiceStandingOf(
  ex: Exec,
  orderIds: readonly string[],
): Promise<Map<string, { issued: bigint; reversed: bigint; openRequests: string[] }>> {
  const out = new Map<string, InvoiceStanding>();
  for (const id of orderIds) out.set(id, { issued: 0n, reversed: 0n, openRequests: [] });
  for (const r of await standingRows(ex, [...new Set(orderIds)]))
    out.set(r.order_id, { issued: r.issued, reversed: r.reversed, openRequests: r.open_requests });
  return out;
}
