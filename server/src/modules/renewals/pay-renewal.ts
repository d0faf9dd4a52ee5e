import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type AppError, conflict, notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { devicesDeactivated } from '../devices';
import { chargeWallet, deliverRenewal } from './deliver-renewal';
import { DEVICE_ORDER, type DeviceOrderRow, RENEW_DEVICES } from './renewal';
import { deactivatedOnOrder, findDeviceOrder, lockDeviceOrder } from './renewal-store';

/** R29: only an order awaiting payment, before its deadline, takes a payment. */
export function notPayable(o: DeviceOrderRow, now: Date): AppError | null {
  if (o.state !== 'awaiting_payment')
    return conflict(
      'DEVICE_ORDER_NOT_AWAITING_PAYMENT',
      {
        zh: `续费订单当前为 ${o.state}，不在待付款状态`,
        en: `The renewal order is ${o.state}; it is not awaiting payment`,
      },
      { state: o.state },
    );
  if (o.payment_due_at && o.payment_due_at.getTime() <= now.getTime())
    return conflict(
      'DEVICE_ORDER_OVERDUE',
      {
        zh: '续费订单已过付款期限；请重新选择设备续费',
        en: 'The renewal order is past its payment deadline; renew again',
      },
      { paymentDueAt: o.payment_due_at.toISOString() },
    );
  return null;
}

/**
 * R20 step 4 by balance (余额): the customer's own company wallet pays the order in its currency. Under
 * the order's lock: still awaiting and in time, no device deactivated since (R19: it would be charged for
 * nothing), the devices extended, and last the wallet — one conditional debit that also posts the
 * capture; a short balance refuses the whole payment naming the numbers (R13) and the order stays payable.
 */
export async function payRenewalFromWallet(
  deps: Deps,
  p: Principal,
  orderId: string,
): Promise<DeviceOrderRow> {
  requireRole(p, RENEW_DEVICES, { zh: '支付续费订单', en: 'pay a renewal order' });
  const seen = await findDeviceOrder(deps.database.db, p, orderId);
  if (!seen || seen.company_id !== p.companyId) throw notFound(DEVICE_ORDER);
  return transact(deps.database.db, async (tx) => {
    const order = await lockDeviceOrder(tx, seen.id);
    if (!order) throw notFound(DEVICE_ORDER);
    const refused = notPayable(order, toDate(deps.clock.now()));
    if (refused) throw refused;
    const off = await deactivatedOnOrder(tx, order.id);
    if (off.length > 0) throw devicesDeactivated(off);
    await deliverRenewal(tx, deps.clock, p, order, 'wallet', null);
    await chargeWallet(tx, deps.clock, order, order.number);
    const paid = await lockDeviceOrder(tx, order.id);
    if (!paid) throw notFound(DEVICE_ORDER);
    return paid;
  });
}
