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
import { refuseDepartedPayer } from './refuse-departed-payer';

export const ORDER = { zh: '订单', en: 'Order' };

/**
 * A just-submitted order: hold its total on the payer's wallet (R2), record the submission, and
 * approve at once where the review policy says so (R3).
 */
export async function routeSubmitted(
  tx: Tx,
  clock: Clock,
  p: Principal,
  order: OrderRow,
  from: 'draft' | null,
  mode: 'auto' | 'manual',
): Promise<OrderRow['state']> {
  await refuseDepartedPayer(tx, order);
  if (order.total > 0n) {
    await holdFunds(tx, clock, {
      ...payerOf(order),
      currency: order.currency,
      amount: order.total,
      ref: { type: 'order', id: order.id },
    });
  }
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'order',
    objectId: order.id,
    action: 'submit',
    stateBefore: from,
    stateAfter: 'submitted',
    after: { number: order.number, total: order.total, held: order.total },
  });
  if (mode === 'manual') return 'submitted';
  await approveInTx(tx, clock, p, order, { auto: true, reason: 'review policy: auto' });
  return 'paid';
}

/** Draft → submitted. */
export async function submitInTx(
  tx: Tx,
  clock: Clock,
  p: Principal,
  orderId: string,
): Promise<OrderRow['state']> {
  const order = await findOrder(tx, p, orderId, true);
  if (!order) throw notFound(ORDER);
  if (!(await moveOrder(tx, order.id, 'draft', 'submitted', { submitted_at: toDate(clock.now()) }))) {
    throw conflict('ORDER_NOT_DRAFT', {
      zh: `订单当前为 ${order.state}，只有草稿可以提交`,
      en: `The order is ${order.state}; only a draft can be submitted`,
    });
  }
  const mode = await reviewMode(tx, order.product_id, order.order_type, order.channel);
  return routeSubmitted(tx, clock, p, { ...order, state: 'submitted' }, 'draft', mode);
}

export function submitOrder(deps: Deps, p: Principal, orderId: string): Promise<OrderRow['state']> {
  return deps.database.db.transaction().execute((tx) => submitInTx(tx, deps.clock, p, orderId));
}
