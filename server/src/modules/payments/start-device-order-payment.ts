import type { PaymentMethodName } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { offeredMethods, refuseMethod } from '../orders';
import {
  DEVICE_ORDER,
  type DeviceOrderRow,
  findDeviceOrder,
  lockDeviceOrder,
  notPayable,
  RENEW_DEVICES,
  setDeviceOrderMethod,
} from '../renewals';
import { openAttemptOf, providerAttempt, recordAttempt } from './online-attempt';
import { type AttemptRow, attemptsOfDeviceOrder } from './payment-store';
import { type Payments, providerOf } from './provider';

/**
 * R20 step 4, R28: the methods a renewal order is paid by — the customer's own balance in the order's
 * currency, and every configured online provider that takes it (CNY: WeChat Pay, Alipay, the sandbox;
 * USD: PayPal). No bank transfer: a renewal is paid at the screen.
 */
export function renewalOffer(o: Pick<DeviceOrderRow, 'currency'>, payments: Payments): PaymentMethodName[] {
  return offeredMethods({ channel: 'self_service', currency: o.currency }, [
    ...payments.providers.values(),
  ]).filter((m) => m !== 'offline');
}

/**
 * R20 step 4 online: the provider's QR code for a renewal order of the customer's own company, an attempt
 * that expires with the QR code or the order's deadline, whichever is first, and its query job; a pending
 * attempt of the same provider is reused. The provider first, then one transaction under the order's lock.
 */
export async function startDeviceOrderPayment(
  deps: Deps,
  payments: Payments,
  p: Principal,
  orderId: string,
  method: PaymentMethodName,
): Promise<AttemptRow> {
  requireRole(p, RENEW_DEVICES, { zh: '支付续费订单', en: 'pay a renewal order' });
  const db = deps.database.db;
  const seen = await findDeviceOrder(db, p, orderId);
  if (!seen || seen.company_id !== p.companyId) throw notFound(DEVICE_ORDER);
  const now = deps.clock.now();
  const refused = notPayable(seen, toDate(now));
  if (refused) throw refused;
  const offered = renewalOffer(seen, payments);
  const provider = offered.includes(method) ? providerOf(payments, method) : undefined;
  if (!provider)
    throw refuseMethod(method, offered, { channel: 'self_service', currency: seen.currency }, 'method');
  const open = openAttemptOf(await attemptsOfDeviceOrder(db, seen.id), provider, now);
  if (open) return open;
  const { id, merchantOrderNo, codeUrl, expiresAt } = await providerAttempt(
    provider,
    now,
    seen.payment_due_at,
    {
      amount: seen.total,
      currency: seen.currency,
      description: `开单续费 ${seen.number} Kaidan renewal`,
    },
  );
  return transact(db, async (tx) => {
    const order = await lockDeviceOrder(tx, seen.id);
    if (!order) throw notFound(DEVICE_ORDER);
    const late = notPayable(order, toDate(deps.clock.now()));
    if (late) throw late;
    if (order.payment_method !== provider.name) await setDeviceOrderMethod(tx, order.id, provider.name);
    return recordAttempt(
      tx,
      deps,
      p,
      {
        id,
        purpose: 'device_order',
        device_order_id: order.id,
        owner_type: 'company',
        owner_id: order.company_id,
        provider: provider.name,
        merchant_order_no: merchantOrderNo,
        amount: order.total,
        currency: order.currency,
        code_url: codeUrl,
        created_by: p.userId,
        created_at: toDate(deps.clock.now()),
        expires_at: toDate(expiresAt),
      },
      expiresAt,
      { deviceOrder: order.number },
    );
  });
}
