import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ORDER } from './order';
import { findOrder, markArchived } from './order-store';

/**
 * R5: the order desk records that the countersigned contract went back to the customer (归档). From then
 * on the order is voided only through a void request, and the contract arrival can no longer be cancelled.
 */
export async function archiveOrder(deps: Deps, p: Principal, orderId: string): Promise<void> {
  requireRole(p, ['order_desk', 'admin'], { zh: '登记合同回传归档', en: 'archive orders' });
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    if (!(await markArchived(tx, deps.clock, order.id, p.userId))) {
      throw conflict('ARCHIVE_NOT_ALLOWED', {
        zh: order.archived_at ? '该订单已归档' : '只有合同已到达、未作废的订单可以归档（合同盖章回传）',
        en: order.archived_at
          ? 'The order is already archived'
          : 'Only a live order whose contract has arrived can be archived (countersigned contract returned)',
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'archive',
    });
  });
}
