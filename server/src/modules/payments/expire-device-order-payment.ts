import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { JobHandler } from '../../platform/jobs/worker';
import { expireDeviceOrder, lockDeviceOrder } from '../renewals';
import { attemptsOfDeviceOrder } from './payment-store';

/**
 * R29 for renewals: an order awaiting payment expires at payment_due_at and lets go of its devices, unless
 * an online attempt for it is still open (its own expiry job asks the provider, then ends the order).
 */
export async function expireDeviceOrderIfClosed(tx: Tx, clock: Clock, orderId: string): Promise<boolean> {
  const order = await lockDeviceOrder(tx, orderId);
  if (order?.state !== 'awaiting_payment') return false;
  const attempts = await attemptsOfDeviceOrder(tx, orderId);
  if (attempts.some((a) => a.state === 'pending')) return false;
  return expireDeviceOrder(tx, orderId, toDate(clock.now()));
}

/** The `device_order.payment_due` job, enqueued with the order at its deadline (outbox). */
export const deviceOrderDueJob =
  (clock: Clock): JobHandler =>
  async (tx, payload) => {
    if (typeof payload.orderId === 'string') await expireDeviceOrderIfClosed(tx, clock, payload.orderId);
  };
