import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { type AuditRow, listAudit } from '../audit/audit-store';
import { type EventRow, eventsByCause } from '../entitlements';
import { type HoldRow, holdsOfRef } from '../wallets';
import { ORDER, type OrderLineRow, type OrderRow } from './order';
import { allowedActions, type OrderAction } from './order-actions';
import { findOrder, linesOf, type OrderLabels, orderLabels } from './order-store';

export interface OrderDetail {
  order: OrderRow;
  lines: OrderLineRow[];
  holds: HoldRow[];
  effects: EventRow[];
  trail: AuditRow[];
  labels: OrderLabels | undefined;
  actions: OrderAction[];
}

/** Everything the order desk needs on one screen: lines, holds, entitlement effects, the audit trail (R40). */
export async function getOrder(deps: Deps, p: Principal, id: string): Promise<OrderDetail> {
  const ex = deps.database.db;
  const order = await findOrder(ex, p, id);
  if (!order) throw notFound(ORDER);
  const ref = { type: 'order', id };
  const [lines, holds, effects, trail, labels] = await Promise.all([
    linesOf(ex, [id]),
    holdsOfRef(ex, ref),
    eventsByCause(ex, ref),
    listAudit(ex, 'order', id),
    orderLabels(ex, id),
  ]);
  return { order, lines, holds, effects, trail, labels, actions: allowedActions(order, p) };
}
