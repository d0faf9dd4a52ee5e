import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { notify } from '../notifications';
import { releaseFunds } from '../wallets';
import { ORDER } from './order';
import { findOrder, moveOrder } from './order-store';

/** Order desk rejects a submitted order with a reason; the hold goes back and the submitter hears (R4). */
export async function rejectOrder(deps: Deps, p: Principal, orderId: string, reason: string): Promise<void> {
  requireRole(p, ['order_desk', 'admin'], { zh: '审核订单', en: 'review orders' });
  if (!reason.trim()) {
    throw invalid('reason', 'REASON_REQUIRED', { zh: '驳回须填写原因', en: 'A rejection needs a reason' });
  }
  const { clock } = deps;
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    const now = toDate(clock.now());
    if (
      !(await moveOrder(tx, order.id, 'submitted', 'rejected', {
        decided_by: p.userId,
        decided_at: now,
        decision_comment: reason,
      }))
    ) {
      throw conflict('ORDER_NOT_SUBMITTED', {
        zh: `订单当前为 ${order.state}，只能驳回已提交的订单`,
        en: `The order is ${order.state}; only a submitted order can be rejected`,
      });
    }
    await releaseFunds(tx, clock, { type: 'order', id: order.id });
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'reject',
      stateBefore: 'submitted',
      stateAfter: 'rejected',
      reason,
    });
    await notify(
      tx,
      clock,
      order.created_by,
      'order_rejected',
      {
        zh: `订单 ${order.number} 被驳回：${reason}`,
        en: `Order ${order.number} was rejected: ${reason}`,
      },
      { type: 'order', id: order.id },
    );
  });
}
