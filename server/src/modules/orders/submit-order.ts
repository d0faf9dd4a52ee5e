import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { reviewMode } from '../catalog';
import { holdFunds } from '../wallets';
import { approveInTx } from './approve-order';
import { type OrderRow, payerOf } from './order';
import { findOrder, moveOrder } from './order-store';

export const ORDER = { zh: '订单', en: 'Order' };

/** Draft → submitted: hold the total on the payer's wallet (R2), then auto-approve where policy says (R3). */
export async function submitInTx(
  tx: Tx,
  clock: Clock,
  p: Principal,
  orderId: string,
): Promise<OrderRow['state']> {
  const order = await findOrder(tx, p, orderId, true);
  if (!order) throw notFound(ORDER);
  if (order.state !== 'draft') {
    throw conflict('ORDER_NOT_DRAFT', {
      zh: `订单当前为 ${order.state}，只有草稿可以提交`,
      en: `The order is ${order.state}; only a draft can be submitted`,
    });
  }
  if (order.total > 0n) {
    await holdFunds(tx, clock, {
      ...payerOf(order),
      currency: order.currency,
      amount: order.total,
      ref: { type: 'order', id: order.id },
    });
  }
  await moveOrder(tx, order.id, 'draft', 'submitted', { submitted_at: toDate(clock.now()) });
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'order',
    objectId: order.id,
    action: 'submit',
    stateBefore: 'draft',
    stateAfter: 'submitted',
    after: { held: order.total },
  });
  const mode = await reviewMode(tx, order.product_id, order.order_type, order.channel);
  if (mode === 'manual') return 'submitted';
  await approveInTx(
    tx,
    clock,
    p,
    { ...order, state: 'submitted' },
    { auto: true, reason: 'review policy: auto' },
  );
  return 'paid';
}

export function submitOrder(deps: Deps, p: Principal, orderId: string): Promise<OrderRow['state']> {
  return deps.database.db.transaction().execute((tx) => submitInTx(tx, deps.clock, p, orderId));
}
