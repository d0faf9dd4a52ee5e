import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { releaseFunds } from '../wallets';
import { enforceVerdict, type OrderRow, voidVerdict } from './order';
import { findOrder, moveOrder } from './order-store';
import { ORDER } from './submit-order';

/** R5: the creator voids an unpaid order not yet taken by the order desk; the hold is released. */
export async function voidOrder(deps: Deps, p: Principal, orderId: string, reason?: string): Promise<void> {
  const { clock } = deps;
  await deps.database.db.transaction().execute(async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    enforceVerdict(voidVerdict(order, p.userId), order.state);
    await voidInTx(tx, clock, p, order, reason ?? null);
  });
}

/** Voids a locked, unpaid order and releases its hold: the creator's void, or an approved void request. */
export async function voidInTx(
  tx: Tx,
  clock: Clock,
  p: Principal,
  order: OrderRow,
  reason: string | null,
): Promise<void> {
  await moveOrder(tx, order.id, order.state, 'voided');
  await releaseFunds(tx, clock, { type: 'order', id: order.id });
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'order',
    objectId: order.id,
    action: 'void',
    stateBefore: order.state,
    stateAfter: 'voided',
    reason,
  });
}
