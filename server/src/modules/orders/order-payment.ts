import type { Currency, PaymentMethodName } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../platform/errors';
import type { OrderRow } from './order';

// R28, R29 (ADR 0020): which methods an order may be paid by, and how long an order approved to be paid
// by anything but the wallet waits for its payment. Pure rules; the payments module moves the money.

/** An online provider this server runs, as the offer needs it (payments' `PaymentProvider` fits). */
export interface OnlineOffer {
  readonly name: PaymentMethodName;
  readonly currencies: readonly Currency[];
}

/** The job that voids an order still unpaid at its payment_due_at (outbox, enqueued with the approval). */
export const ORDER_DUE_JOB = 'order.payment_due';

/** Placed and approved at once, the customer is at the pay screen: as long as a QR code lives. */
export const PAY_NOW_WINDOW = Temporal.Duration.from({ minutes: 30 });
/** Approved later by the order desk, the customer is told and comes back: a day. */
export const PAY_AFTER_REVIEW_WINDOW = Temporal.Duration.from({ hours: 24 });
/** A bank transfer takes a banking day or two to arrive and be recorded. */
export const OFFLINE_WINDOW = Temporal.Duration.from({ hours: 72 });

/**
 * R28: partners pay from their wallets (R2), so a partner order offers the wallet only. A direct order
 * (sales, desk) offers the wallet and a bank transfer that sales records for the customer. A customer's
 * self-service order offers its wallet, every configured online provider that takes the order's currency
 * (CNY: WeChat Pay, Alipay, the sandbox; USD: PayPal) and a bank transfer. The wallet pays in the
 * order's own currency: a foreign customer's USD order is not paid from a CNY balance (no exchange rate
 * in Kaidan; ADR 0020).
 */
export function offeredMethods(
  o: Pick<OrderRow, 'channel' | 'currency'>,
  online: readonly OnlineOffer[],
): PaymentMethodName[] {
  if (o.channel === 'partner') return ['wallet'];
  if (o.channel === 'direct') return ['wallet', 'offline'];
  const providers = online.filter((pv) => pv.currencies.includes(o.currency)).map((pv) => pv.name);
  return ['wallet', ...providers, 'offline'];
}

/** R29: how long after approval an order paid by `method` waits for its payment. */
export function paymentWindow(method: PaymentMethodName, reviewed: boolean): Temporal.Duration {
  if (method === 'offline') return OFFLINE_WINDOW;
  return reviewed ? PAY_AFTER_REVIEW_WINDOW : PAY_NOW_WINDOW;
}

/** R28: a method not offered is refused, naming the ones that are. */
export function refuseMethod(
  method: string,
  offered: readonly PaymentMethodName[],
  o: Pick<OrderRow, 'channel' | 'currency'>,
  field = 'paymentMethod',
): AppError {
  const list = offered.join(', ');
  return new AppError({
    status: 422,
    code: 'PAYMENT_METHOD_NOT_OFFERED',
    message: {
      zh: `该订单（${o.currency}）不能用 ${method} 付款；可选：${list}`,
      en: `This ${o.currency} order cannot be paid by ${method}; offered: ${list}`,
    },
    fields: [
      {
        field,
        code: 'not_offered',
        message: { zh: `可选：${list}`, en: `One of: ${list}` },
      },
    ],
    fixes: [
      {
        zh: o.channel === 'partner' ? '渠道订单从渠道钱包付款' : `改用 ${list} 之一`,
        en:
          o.channel === 'partner'
            ? 'A partner order is paid from the partner wallet'
            : `Choose one of ${list}`,
      },
    ],
    details: { rule: 'R28', offered, currency: o.currency, channel: o.channel },
  });
}

/** R29: an approved order waiting for a payment by a method other than the wallet. */
export const awaitingPayment = (o: Pick<OrderRow, 'state' | 'payment_method'>): boolean =>
  o.state === 'approved' && o.payment_method !== 'wallet';
