import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import { type Deps, depsIn } from '../../platform/deps';
import { AppError, conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { reviewMode } from '../catalog';
import { partnerById, requireOrderable } from '../parties';
import { holdFunds } from '../wallets';
import { approveOrder } from './approve-order';
import { autoReason, mayCommitWallet, ORDER, type OrderRow, payerOf } from './order';
import { findOrder, moveOrder } from './order-store';
import { refuseDepartedPayer } from './refuse-departed-payer';

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
  /** the caller read the company under lock in this transaction, so the payer is current (R17) */
  payerLocked = false,
): Promise<OrderRow['state']> {
  if (!mayCommitWallet(p, order)) throw await notYourWallet(tx, order);
  if (!payerLocked) await refuseDepartedPayer(tx, order);
  // R2 holds the wallet only for a wallet payment; any other method pays after approval (R29).
  if (order.total > 0n && order.payment_method === 'wallet') {
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
    after: {
      number: order.number,
      total: order.total,
      ...(order.payment_method === 'wallet' ? { held: order.total } : { method: order.payment_method }),
    },
  });
  if (mode === 'manual') return 'submitted';
  await approveOrder(depsIn(tx, clock), p, order.id, autoReason(order), { order, payerChecked: true });
  return order.payment_method === 'wallet' ? 'paid' : 'approved';
}

/** R2: the refusal names who may submit: the agents of the partner whose wallet pays. */
export async function notYourWallet(tx: Tx, order: OrderRow): Promise<AppError> {
  const payer = payerOf(order);
  const partner = payer.ownerType === 'partner' ? await partnerById(tx, payer.ownerId) : undefined;
  const who = partner
    ? { zh: `渠道「${partner.name_zh}」的代理`, en: `the agents of ${partner.name_en ?? partner.name_zh}` }
    : { zh: '该客户公司自己的用户', en: 'the customer company’s own users' };
  return new AppError({
    status: 403,
    code: 'WALLET_NOT_YOURS',
    message: {
      zh: `订单 ${order.number} 由${partner ? '渠道' : '客户'}钱包付款，只有${who.zh}可以提交（冻结钱包）`,
      en: `Order ${order.number} is paid from ${partner ? 'the partner' : 'the company'} wallet; only ${who.en} may submit it (hold the wallet)`,
    },
    fixes: [
      {
        zh: `保存为草稿，由${who.zh}提交`,
        en: `Save it as a draft for ${who.en} to submit`,
      },
    ],
    details: { rule: 'R2', payer },
  });
}

/** Draft → submitted, then routed by the review policy (R3). */
export async function submitOrder(deps: Deps, p: Principal, orderId: string): Promise<OrderRow['state']> {
  await requireOrderable(deps.database.db, p, { orderId });
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
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
  });
}
