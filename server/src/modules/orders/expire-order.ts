import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { releaseFunds } from '../wallets';
import { awaitingPayment } from './order-payment';
import { lockOrderById, moveOrder } from './order-store';

/**
 * R29: an order still waiting for its payment at payment_due_at expires — approved → voided by a
 * conditional UPDATE under its lock, any hold released (an online order has none; a reviewed wallet order
 * never waits here), audited as the system's. The caller (the payments module's due job) first makes sure
 * no payment of it is still open. Nothing was granted, so nothing is taken back. False when it moved on.
 */
export async function expireUnpaidOrder(tx: Tx, clock: Clock, orderId: string): Promise<boolean> {
  const order = await lockOrderById(tx, orderId);
  const now = clock.now();
  if (!order || !awaitingPayment(order) || !order.payment_due_at) return false;
  if (order.payment_due_at.getTime() > now.epochMilliseconds) return false;
  if (!(await moveOrder(tx, order.id, 'approved', 'voided'))) return false;
  await releaseFunds(tx, clock, { type: 'order', id: order.id });
  await appendAudit(tx, clock, actorOf(systemPrincipal('job')), {
    objectType: 'order',
    objectId: order.id,
    action: 'payment_expired',
    stateBefore: 'approved',
    stateAfter: 'voided',
    reason: `R29: not paid by ${toDate(now).toISOString()} (due ${order.payment_due_at.toISOString()})`,
  });
  return true;
}
