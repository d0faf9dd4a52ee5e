import type { Currency } from '@kaidan/shared';
import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ensureAccount, postEntry } from '../ledger';
import { grantPaid } from './approve-order';
import { captureCredits, type OrderRow } from './order';
import { awaitingPayment } from './order-payment';
import { linesOf, lockOrderById, moveOrder, trySavepoint } from './order-store';

export interface OrderPayment {
  attemptId: string;
  amount: bigint;
  currency: Currency;
  /** the account the money arrived in: a provider's clearing account, or offline cash for a transfer */
  from: 'provider_clearing' | 'offline_cash';
  memo: string;
}

/** 'undeliverable': paid, but the grant was refused (a seat cap filled meanwhile, R12/R13): voided, refund */
export type OrderSettlement = 'paid' | 'late' | 'amount_mismatch' | 'undeliverable';

/**
 * R29: a payment of an order awaiting it settled, in the caller's transaction (the attempt's, under its
 * row lock): approved → paid by a conditional UPDATE under the order's lock, the grant exactly as a wallet
 * capture makes it (`grantPaid`: entitlements, R7 rename, R4 notice, the `order.paid` event), and the
 * ledger Dr clearing / Cr revenue and pass-through payable as a capture credits them. An order that is no
 * longer waiting (voided, expired) gets nothing: the caller records the payment late (refund it by channel).
 */
export async function settleOrderPayment(
  tx: Tx,
  clock: Clock,
  by: Principal,
  orderId: string,
  pay: OrderPayment,
): Promise<OrderSettlement> {
  const order = await lockOrderById(tx, orderId);
  if (!order || !awaitingPayment(order)) return 'late';
  if (pay.amount !== order.total || pay.currency !== order.currency) return 'amount_mismatch';
  const done = await trySavepoint(tx, 'order_payment', () => payAndGrant(tx, clock, by, order, pay));
  if (done.ok) return done.value;
  // R29 + R12/R13: money arrived but what it buys can no longer be granted as quoted (the seats moved
  // since approval). Never paid-but-undelivered: the order is voided and the money refunded by channel.
  await moveOrder(tx, order.id, 'approved', 'voided');
  await appendAudit(tx, clock, actorOf(by), {
    objectType: 'order',
    objectId: order.id,
    action: 'payment_undeliverable',
    stateBefore: 'approved',
    stateAfter: 'voided',
    reason: `${done.refused.code}: ${done.refused.text.en}`,
    after: { attemptId: pay.attemptId },
  });
  return 'undeliverable';
}

async function payAndGrant(
  tx: Tx,
  clock: Clock,
  by: Principal,
  order: OrderRow,
  pay: OrderPayment,
): Promise<OrderSettlement> {
  const now = toDate(clock.now());
  if (!(await moveOrder(tx, order.id, 'approved', 'paid', { paid_at: now }))) return 'late';
  const lines = await linesOf(tx, [order.id]);
  await grantPaid(tx, clock, by, order, lines);
  if (order.total > 0n) {
    const fromId = await ensureAccount(tx, clock, pay.from, order.currency, null);
    const credits = [];
    for (const c of captureCredits(order, lines))
      credits.push({
        accountId: await ensureAccount(tx, clock, c.code, order.currency, null),
        amount: -c.amount,
      });
    await postEntry(tx, clock, {
      kind: 'capture',
      currency: order.currency,
      refType: 'order',
      refId: order.id,
      memo: `${order.number} ${pay.memo}`,
      postings: [{ accountId: fromId, amount: order.total }, ...credits],
    });
  }
  await appendAudit(tx, clock, actorOf(by), {
    objectType: 'order',
    objectId: order.id,
    action: 'pay',
    stateBefore: 'approved',
    stateAfter: 'paid',
    after: { paid: order.total, method: order.payment_method, attemptId: pay.attemptId },
  });
  return 'paid';
}
