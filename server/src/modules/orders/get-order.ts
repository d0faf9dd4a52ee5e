import type { Exec } from '../../platform/db/database';
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
  /** the void request (R5) still open on the order, if any: then it cannot be filed again */
  voidRequest: string | null;
}

/**
 * What the order screen reads from the modules above orders (the wiring root supplies it): requests know
 * whether a void request is open on an order. Without it an order shows none.
 */
export interface OrderDetailPorts {
  openVoidRequest(ex: Exec, orderId: string): Promise<string | undefined>;
}
const NO_PORTS: OrderDetailPorts = { openVoidRequest: async () => undefined };

/** Everything the order desk needs on one screen: lines, holds, entitlement effects, the audit trail (R40). */
export async function getOrder(
  deps: Deps,
  p: Principal,
  id: string,
  ports: OrderDetailPorts = NO_PORTS,
): Promise<OrderDetail> {
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
  const actions = allowedActions(order, p);
  // Asked only where a void request could be filed (an archived, unpaid order): one query, rarely.
  const voidRequest = actions.includes('requestVoid')
    ? ((await ports.openVoidRequest(ex, id)) ?? null)
    : null;
  return {
    order,
    lines,
    holds,
    effects,
    trail,
    labels,
    actions: voidRequest ? actions.filter((a) => a !== 'requestVoid') : actions,
    voidRequest,
  };
}
