import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Principal, requireRole, systemPrincipal } from '../../platform/principal';
import { transition } from '../../platform/state-machine';
import { appendAudit } from '../audit/audit-store';
import { type InvoiceLineRow, type InvoiceRow, REQUEST_LIFECYCLE } from './invoice';
import { lockInvoiceableLines, requestInScope, requestLines } from './invoice-store';
import { recordInvoice } from './record-invoice';
import { notOpen, REQUEST, refuseSelf, requestNotFound } from './refusals';
import { localTaxPlatform, type TaxPlatform } from './tax-platform';

/**
 * Finance issues the invoice a request asked for (never the one who asked: duties). Under the orders' row
 * locks it checks again that every line is still paid and not refunded meanwhile (R29, invariant 7), then
 * draws the gap-free number and records the invoice through the tax platform, all in one transaction.
 */
export async function issueInvoice(
  deps: Deps,
  p: Principal,
  requestId: string,
  platform: TaxPlatform = localTaxPlatform,
): Promise<{ invoice: InvoiceRow; lines: InvoiceLineRow[] }> {
  requireRole(p, ['finance'], { zh: '开具发票', en: 'issue invoices' });
  return transact(deps.database.db, async (tx) => {
    const r = await requestInScope(tx, p, requestId, true);
    if (!r) throw requestNotFound();
    if (r.state !== 'requested') throw notOpen(REQUEST, r.state);
    refuseSelf(p, r.requested_by, REQUEST, { zh: '开具', en: 'issue' });
    const lines = await requestLines(tx, [r.id]);
    const { lines: now } = await lockInvoiceableLines(tx, systemPrincipal('api'), [
      ...new Set(lines.map((l) => l.order_id)),
    ]);
    for (const l of lines) {
      const o = now.find((x) => x.line_id === l.order_line_id);
      // `invoiced` counts this open request itself: what is paid less refunded must still cover it.
      if (o?.order_state !== 'paid' || o.invoiced > o.amount - o.refunded)
        throw new AppError({
          status: 409,
          code: 'REQUEST_NO_LONGER_COVERED',
          message: {
            zh: `订单 ${l.order_number} 在申请后已退款或变更，本申请的金额已超过可开票金额`,
            en: `Order ${l.order_number} was refunded or changed since the request; it no longer covers this invoice`,
          },
          fixes: [
            { zh: '请驳回本申请，由客户重新申请', en: 'Refuse this request; the customer requests again' },
          ],
          details: { order: l.order_number },
        });
    }
    const issued = await recordInvoice(
      tx,
      deps.clock,
      p,
      platform,
      {
        kind: 'blue',
        invoice_type: r.invoice_type,
        company_id: r.company_id,
        payer_type: r.payer_type,
        payer_id: r.payer_id,
        request_id: r.id,
        original_id: null,
        reversal_id: null,
        reason: null,
        currency: r.currency,
        language: r.language,
        buyer_name: r.buyer_name,
        buyer_tax_id: r.buyer_tax_id,
        buyer_address: r.buyer_address,
        buyer_phone: r.buyer_phone,
        buyer_bank: r.buyer_bank,
        buyer_account: r.buyer_account,
        total: r.total,
        tax_total: r.tax_total,
      },
      lines.map((l) => ({
        order_id: l.order_id,
        order_line_id: l.order_line_id,
        original_line_id: null,
        item_name: l.item_name,
        tax_code: l.tax_code,
        tax_rate_bp: l.tax_rate_bp,
        amount: l.amount,
        tax: l.tax,
      })),
    );
    const moved = await transition(tx, {
      table: 'invoice_requests',
      id: r.id,
      from: 'requested',
      to: 'issued',
      machine: REQUEST_LIFECYCLE,
      set: { decided_by: p.userId, decided_at: toDate(deps.clock.now()) },
    });
    if (!moved) throw notOpen(REQUEST, 'changed');
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'invoice_request',
      objectId: r.id,
      action: 'invoice_request.issued',
      stateBefore: 'requested',
      stateAfter: 'issued',
      after: { invoice: issued.invoice.number },
    });
    return issued;
  });
}
