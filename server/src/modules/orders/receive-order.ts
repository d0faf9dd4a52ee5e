import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ORDER } from './order';
import { findOrder, markReceived } from './order-store';

/**
 * The order desk takes an order into work, recording who took it (the order's owner in the queue); from
 * then on the creator can no longer void it (R5).
 */
export async function receiveOrder(deps: Deps, p: Principal, orderId: string): Promise<void> {
  requireRole(p, ['order_desk', 'admin'], { zh: '接收订单', en: 'take orders' });
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    if (!(await markReceived(tx, deps.clock, order.id, p.userId))) {
      throw conflict('ORDER_NOT_RECEIVABLE', {
        zh: '订单不在待处理状态或已被接收',
        en: 'The order is not open or was already taken',
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'receive',
    });
  });
}
