import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal, systemPrincipal } from '../../platform/principal';
import { type Actor, type AuditEntry, appendAudits } from '../audit/audit-store';
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
  await appendAudits(tx, clock, [
    ...autoApprovedTrail(p, order, { held: order.total }),
    {
      actor: actorOf(by),
      entry: {
        objectType: 'order',
        objectId: order.id,
        action: 'capture',
        stateBefore: 'approved',
        stateAfter: 'paid',
        after: { captured: order.total },
        reason: autoReason(order),
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

/**
 * R3 R40: the first two trail rows of an order the review policy approves as it is placed — submitted by
 * its placer, approved by the system on the same channel — for the caller to append with what follows
 * (the capture of a wallet payment, or nothing while a provider or transfer payment is awaited), in one
 * statement. `submitted` and `approved` are what each row records beyond the number and total.
 */
export function autoApprovedTrail(
  p: Principal,
  order: OrderRow,
  submitted: Record<string, unknown>,
  approved?: Record<string, unknown>,
): { actor: Actor; entry: AuditEntry }[] {
  const entry = { objectType: 'order', objectId: order.id };
  return [
    {
      actor: actorOf(p),
      entry: {
        ...entry,
        action: 'submit',
        stateBefore: null,
        stateAfter: 'submitted',
        after: { number: order.number, total: order.total, ...submitted },
      },
    },
    {
      actor: actorOf(systemPrincipal(p.channel)),
      entry: {
        ...entry,
        action: 'auto_approve',
        stateBefore: 'submitted',
        stateAfter: 'approved',
        reason: autoReason(order),
        ...(approved ? { after: approved } : {}),
      },
    },
  ];
}
