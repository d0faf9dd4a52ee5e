import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal, systemPrincipal } from '../../platform/principal';
import { appendAudits } from '../audit/audit-store';
import type { ComponentView, PaidLine } from '../entitlements';
import { debitFunds } from '../wallets';
import { grantPaid } from './approve-order';
import { autoReason, captureCredits, type OrderRow, payerOf } from './order';

/**
 * An order that the review policy approves at once, inserted as paid (ADR 0015): the trail of its
 * submission, automatic approval and capture in one statement, the grant, and last the wallet — one
 * conditional debit that also posts the capture, so the partner's hottest row is locked only until COMMIT.
 * The same checks as submit + approve: R2 (the payer's own users, under the company lock the caller
 * took), R13 (the balance covers it, under the wallet's row lock), R12/R16 (the seat cap, on locked rows).
 */
export async function payPlacedOrder(
  tx: Tx,
  clock: Clock,
  p: Principal,
  order: OrderRow,
  lines: (PaidLine & { amount: bigint; pass_through: boolean })[],
  locked: ComponentView[],
): Promise<void> {
  const by = systemPrincipal(p.channel);
  const reason = autoReason(order);
  const entry = { objectType: 'order', objectId: order.id };
  await appendAudits(tx, clock, [
    {
      actor: actorOf(p),
      entry: {
        ...entry,
        action: 'submit',
        stateBefore: null,
        stateAfter: 'submitted',
        after: { number: order.number, total: order.total, held: order.total },
      },
    },
    {
      actor: actorOf(by),
      entry: { ...entry, action: 'auto_approve', stateBefore: 'submitted', stateAfter: 'approved', reason },
    },
    {
      actor: actorOf(by),
      entry: {
        ...entry,
        action: 'capture',
        stateBefore: 'approved',
        stateAfter: 'paid',
        after: { captured: order.total },
        reason,
      },
    },
  ]);
  await grantPaid(tx, clock, by, order, lines, locked);
  if (order.total > 0n) {
    await debitFunds(tx, clock, payerOf(order), {
      ref: { type: 'order', id: order.id },
      currency: order.currency,
      amount: order.total,
      credits: captureCredits(order, lines),
      memo: order.number,
    });
  }
}
