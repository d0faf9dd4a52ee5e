import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ORDER } from './order';
import { clearContractArrived, findOrder } from './order-store';

/**
 * R5: once a contract has arrived the creator can no longer void; the order desk first cancels the
 * arrival (a wrong registration, or a contract withdrawn), with a reason. Only an unpaid order: a paid
 * one is cancelled through a refund request.
 */
export async function cancelContractArrival(
  deps: Deps,
  p: Principal,
  orderId: string,
  reason: string,
): Promise<void> {
  requireRole(p, ['order_desk', 'admin'], { zh: '撤销合同到达登记', en: 'cancel a contract arrival' });
  if (!reason.trim()) {
    throw invalid('reason', 'REASON_REQUIRED', {
      zh: '撤销合同到达须填写原因',
      en: 'Cancelling a contract arrival needs a reason',
    });
  }
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    if (order.archived_at) {
      throw conflict('CONTRACT_ARRIVAL_ARCHIVED', {
        zh: '合同已盖章回传（已归档），不能撤销到达登记；如需作废请提交作废申请',
        en: 'The countersigned contract has gone back (archived); the arrival stays. File a void request to cancel',
      });
    }
    if (!(await clearContractArrived(tx, order.id))) {
      throw conflict('CONTRACT_ARRIVAL_NOT_CANCELLABLE', {
        zh: '只有已登记合同到达且未付款的订单可以撤销到达登记',
        en: 'Only an unpaid order with a recorded contract arrival can have the arrival cancelled',
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'contract_arrival_cancelled',
      reason,
    });
  });
}
