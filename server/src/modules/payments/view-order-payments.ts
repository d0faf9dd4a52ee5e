import type { PaymentMethodName } from '@kaidan/shared';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { hasRole, type Principal, requireRole } from '../../platform/principal';
import { awaitingPayment, findOrder, type OrderRow, offeredMethods } from '../orders';
import { type AttemptRow, type AttemptState, attemptsOfOrder, listOfflineAttempts } from './payment-store';
import type { Payments } from './provider';

export interface OrderPaymentsView {
  order: OrderRow;
  /** R28: what the caller may pay it by now; none once it no longer waits for payment */
  offered: PaymentMethodName[];
  attempts: AttemptRow[];
}

/**
 * The pay screen of one order in the caller's scope (404 outside it): its deadline, the methods it may
 * still be paid by (online ones for the customer, the transfer for the customer and sales), the attempts.
 */
export async function viewOrderPayments(
  deps: Deps,
  payments: Payments,
  p: Principal,
  orderId: string,
): Promise<OrderPaymentsView> {
  const db = deps.database.db;
  const order = await findOrder(db, p, orderId);
  if (!order) throw notFound({ zh: '订单', en: 'Order' });
  const attempts = await attemptsOfOrder(db, order.id);
  const may = (m: PaymentMethodName) =>
    m === 'offline' ? hasRole(p, 'customer', 'sales') : m !== 'wallet' && hasRole(p, 'customer');
  const offered = awaitingPayment(order)
    ? offeredMethods(order, [...payments.providers.values()]).filter(may)
    : [];
  return { order, offered, attempts };
}

/** Finance's queue of bank transfers recorded for orders (R29), pending first. */
export function listOfflinePayments(
  deps: Deps,
  p: Principal,
  state: AttemptState | undefined,
): Promise<AttemptRow[]> {
  requireRole(p, ['finance', 'admin'], { zh: '查看银行转账', en: 'see bank transfers' });
  return listOfflineAttempts(deps.database.db, state);
}
