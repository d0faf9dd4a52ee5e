import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { releaseFunds } from '../wallets';
import { enforceVerdict, ORDER, voidRequestable, voidVerdict } from './order';
import { findOrder, moveOrder } from './order-store';

/**
 * R5: the creator voids an unpaid order not yet taken by the order desk; the hold is released. With
 * `byRequest` it is an approved void request's effect instead (the desk accepted the evidence), run in
 * the deciding transaction through `within`: any unpaid, undecided order it still may void.
 */
export async function voidOrder(
  deps: Deps,
  p: Principal,
  orderId: string,
  reason?: string,
  byRequest?: boolean,
): Promise<void> {
  const { clock } = deps;
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (byRequest) {
      if (!order || !voidRequestable(order)) throw noLongerVoidable(order?.state);
    } else {
      if (!order) throw notFound(ORDER);
      enforceVerdict(voidVerdict(order, p.userId), order.state);
    }
    await moveOrder(tx, order.id, order.state, 'voided');
    await releaseFunds(tx, clock, { type: 'order', id: order.id });
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'void',
      stateBefore: order.state,
      stateAfter: 'voided',
      reason: reason ?? null,
    });
  });
}

/** A void request approved after its order moved on (paid, voided, deleted) or went. */
function noLongerVoidable(state: string | undefined): AppError {
  return new AppError({
    status: 409,
    code: 'VOID_NO_LONGER_POSSIBLE',
    message: {
      zh: `订单${state ? `已${state}` : '不存在'}，不能再按此申请作废${state === 'paid' ? '；已付款订单请走退款' : ''}`,
      en: `The order is ${state ?? 'gone'} and can no longer be voided by this request${state === 'paid' ? '; a paid order is refunded instead' : ''}`,
    },
  });
}
