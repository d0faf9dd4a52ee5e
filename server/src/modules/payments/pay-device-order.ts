import type { PaymentMethodName } from '@kaidan/shared';
import type { Deps } from '../../platform/deps';
import type { Principal } from '../../platform/principal';
import { hasRole } from '../../platform/principal';
import { type DeviceOrderView, payRenewalFromWallet, viewDeviceOrder } from '../renewals';
import { type AttemptRow, attemptsOfDeviceOrder } from './payment-store';
import type { Payments } from './provider';
import { renewalOffer, startDeviceOrderPayment } from './start-device-order-payment';

export interface DeviceOrderPaymentsView extends DeviceOrderView {
  offered: PaymentMethodName[];
  attempts: AttemptRow[];
}

/** The pay screen: the methods are offered to the paying company's own users while the order waits. */
export async function viewDeviceOrderPayments(
  deps: Deps,
  payments: Payments,
  p: Principal,
  id: string,
): Promise<DeviceOrderPaymentsView> {
  const v = await viewDeviceOrder(deps, p, id);
  const payer = hasRole(p, 'customer') && p.companyId === v.order.company_id;
  const offered = payer && v.order.state === 'awaiting_payment' ? renewalOffer(v.order, payments) : [];
  return { ...v, offered, attempts: await attemptsOfDeviceOrder(deps.database.db, v.order.id) };
}

/** Balance pays and delivers at once (null attempt); an online method answers its attempt's QR code. */
export async function payDeviceOrder(
  deps: Deps,
  payments: Payments,
  p: Principal,
  id: string,
  method: PaymentMethodName,
): Promise<AttemptRow | null> {
  if (method === 'wallet') {
    await payRenewalFromWallet(deps, p, id);
    return null;
  }
  return startDeviceOrderPayment(deps, payments, p, id, method);
}
