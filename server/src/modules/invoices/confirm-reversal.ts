import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, hasRole, type Principal, requireRole } from '../../platform/principal';
import { transition } from '../../platform/state-machine';
import { appendAudit } from '../audit/audit-store';
import { type InvoiceRow, REVERSAL_LIFECYCLE, type ReversalRow } from './invoice';
import {
  invoiceInScope,
  invoiceLines,
  reversalInScope,
  reversalLines,
  reversedPerLine,
} from './invoice-store';
import { issueRedLetter } from './red-letter';
import { notOpen, REVERSAL, refuseSelf } from './refusals';
import { localTaxPlatform, type TaxPlatform } from './tax-platform';

export type Confirmation = 'confirm' | 'decline';

/**
 * The 红字发票信息确认单 step of a booked 专票: the buyer confirms (a customer user of the buyer company) or
 * finance records the buyer's confirmation — never the colleague who asked for the reversal. Confirmed, the
 * red-letter invoice is issued in the same transaction, under the blue invoice's lock; declined, the
 * reversal is cancelled and its amounts are free again.
 */
export async function confirmReversal(
  deps: Deps,
  p: Principal,
  reversalId: string,
  decision: Confirmation,
  platform: TaxPlatform = localTaxPlatform,
): Promise<{ reversal: ReversalRow; red: InvoiceRow | null }> {
  requireRole(p, ['customer', 'finance'], { zh: '确认红字发票信息确认单', en: 'confirm a red-letter form' });
  return transact(deps.database.db, async (tx) => {
    const seen = await reversalInScope(tx, p, reversalId);
    if (!seen) throw notFound(REVERSAL);
    // The blue invoice's lock first (as reverse-invoice takes it), then the reversal's state is read again.
    const blue = await invoiceInScope(tx, p, seen.invoice_id, true);
    const v = await reversalInScope(tx, p, reversalId);
    if (!blue || !v) throw notFound(REVERSAL);
    if (v.state !== 'pending_confirmation') throw notOpen(REVERSAL, v.state);
    if (hasRole(p, 'finance')) refuseSelf(p, v.requested_by, REVERSAL, { zh: '确认', en: 'confirm' });
    const at = toDate(deps.clock.now());
    let red: InvoiceRow | null = null;
    if (decision === 'confirm') {
      const lines = (await reversalLines(tx, v.id)).map((l) => ({
        lineId: l.invoice_line_id,
        amount: l.amount,
      }));
      const issued = await issueRedLetter(
        tx,
        deps.clock,
        p,
        platform,
        blue,
        await invoiceLines(tx, blue.id),
        await reversedPerLine(tx, blue.id),
        v,
        lines,
      );
      red = issued.invoice;
    }
    const moved = await transition(tx, {
      table: 'invoice_reversals',
      id: v.id,
      from: 'pending_confirmation',
      to: red ? 'issued' : 'cancelled',
      machine: REVERSAL_LIFECYCLE,
      set: { red_invoice_id: red?.id ?? null, confirmed_by: p.userId, confirmed_at: at },
    });
    if (!moved) throw notOpen(REVERSAL, 'changed');
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'invoice_reversal',
      objectId: v.id,
      action: red ? 'invoice_reversal.confirmed' : 'invoice_reversal.declined',
      stateBefore: 'pending_confirmation',
      stateAfter: red ? 'issued' : 'cancelled',
      after: { red: red?.number ?? null, by: p.kind === 'customer' ? 'buyer' : 'finance_on_behalf' },
    });
    const reversal = await reversalInScope(tx, p, v.id);
    if (!reversal) throw new Error('reversal vanished');
    return { reversal, red };
  });
}
