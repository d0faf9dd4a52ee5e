import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { JobHandler } from '../../platform/jobs/worker';
import { expireUnpaidOrder, lockOrderById } from '../orders';
import { attemptsOfOrder } from './payment-store';

/**
 * R29: an order waiting for payment expires at payment_due_at unless a payment of it is still open — an
 * online attempt (its own expiry job asks the provider, then ends the order with it) or a bank transfer
 * finance has not decided (its decision does). The order's lock first, so an attempt being started for it
 * waits (start-order-payment checks the due time under the same lock). False when it did not expire.
 */
export async function expireOrderIfClosed(tx: Tx, clock: Clock, orderId: string): Promise<boolean> {
  const order = await lockOrderById(tx, orderId);
  if (!order) return false;
  const attempts = await attemptsOfOrder(tx, orderId);
  if (attempts.some((a) => a.state === 'pending')) return false;
  return expireUnpaidOrder(tx, clock, orderId);
}

/** The `order.payment_due` job, enqueued with the approval at payment_due_at (outbox). */
export const orderDueJob =
  (clock: Clock): JobHandler =>
  async (tx, payload) => {
    if (typeof payload.orderId === 'string') await expireOrderIfClosed(tx, clock, payload.orderId);
  };
