import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { deleteVerdict, enforceVerdict, ORDER } from './order';
import { findOrder, moveOrder } from './order-store';

/** R5: a draft is deleted by its creator (kept as a soft-deleted row for the trail). */
export async function deleteOrder(deps: Deps, p: Principal, orderId: string): Promise<void> {
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    const verdict = deleteVerdict(order, p.userId);
    enforceVerdict(verdict, order.state);
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
