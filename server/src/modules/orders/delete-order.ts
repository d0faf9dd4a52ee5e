import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { findOrder, moveOrder } from './order-store';
import { ORDER } from './submit-order';

/** R5: a draft is deleted by its creator (kept as a soft-deleted row for the trail). */
export async function deleteOrder(deps: Deps, p: Principal, orderId: string): Promise<void> {
  await deps.database.db.transaction().execute(async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    const refuse = (code: string, zh: string, en: string) =>
      new AppError({ status: 409, code, message: { zh, en }, details: { state: order.state, rule: 'R5' } });
    if (order.state !== 'draft') {
      throw refuse(
        'DELETE_NOT_DRAFT',
        '只有草稿可以删除；已提交的订单请作废',
        'Only a draft can be deleted; void a submitted order instead',
      );
    }
    if (order.created_by !== p.userId) {
      throw refuse('DELETE_NOT_CREATOR', '只有创建人可以删除草稿', 'Only the draft’s creator may delete it');
    }
    await moveOrder(tx, order.id, 'draft', 'deleted');
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'delete',
      stateBefore: 'draft',
      stateAfter: 'deleted',
    });
  });
}
