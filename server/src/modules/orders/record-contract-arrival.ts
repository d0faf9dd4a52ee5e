import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { approveOrder } from './approve-order';
import { contractExpected, ORDER } from './order';
import { findOrder, markContractArrived } from './order-store';

/** R3: a renewal still waiting for review is approved automatically when its contract arrives. */
export async function recordContractArrival(deps: Deps, p: Principal, orderId: string): Promise<string> {
  requireRole(p, ['order_desk', 'admin'], { zh: '登记合同到达', en: 'record contract arrival' });
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    if (!contractExpected(order)) {
      throw conflict('CONTRACT_NOT_EXPECTED', {
        zh: '该订单不能登记合同到达',
        en: 'A contract arrival cannot be recorded for this order',
      });
    }
    await markContractArrived(tx, clock, order.id);
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'contract_arrived',
    });
    if (order.state === 'submitted' && order.order_type === 'renew') {
      await approveOrder(within(deps, tx), p, order.id, 'R3: contract arrived', { order });
      return 'paid';
    }
    return order.state;
  });
}
