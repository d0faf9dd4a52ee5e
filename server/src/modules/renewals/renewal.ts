import type { Currency, PaymentMethodName } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { AppError, invalid, type Text } from '../../platform/errors';
import type { Role } from '../../platform/principal';

// R20 (seed 003 充值续费), pure: who renews, for how long, what the new expiry is, and the refusals that
// name the devices they concern. The store does the same arithmetic in SQL for a whole batch at once.

export const DEVICE_ORDER: Text = { zh: '续费订单', en: 'Renewal order' };

/**
 * The customer renews its own company tree's devices and pays from its own company's wallet or online
 * (客户端 充值续费). Staff do not renew for it: only the payer's own users commit its wallet.
 */
export const RENEW_DEVICES: Role[] = ['customer'];

/** The console's quick choices; any whole number of months from 1 to 120 is a custom choice. */
export const MONTH_CHOICES = [6, 12, 24] as const;
export const MAX_MONTHS = 120;

/** Placed at the second confirmation, the customer is at the pay screen: as long as a QR code lives. */
export const RENEWAL_PAY_WINDOW = Temporal.Duration.from({ minutes: 30 });
/** The job that closes a renewal order still unpaid at its payment_due_at. */
export const DEVICE_ORDER_DUE_JOB = 'device_order.payment_due';

export type DeviceOrderState = 'awaiting_payment' | 'paid' | 'expired';
export type DeviceOrderSource = 'customer' | 'auto_renew';

export interface DeviceOrderRow {
  id: string;
  number: string;
  company_id: string;
  source: DeviceOrderSource;
  months: number;
  currency: Currency;
  total: bigint;
  device_count: number;
  state: DeviceOrderState;
  payment_method: Exclude<PaymentMethodName, 'offline'>;
  payment_due_at: Date | null;
  created_by: string | null;
  created_at: Date;
  paid_at: Date | null;
  closed_at: Date | null;
  version: number;
}

export function checkMonths(months: number): void {
  if (Number.isInteger(months) && months >= 1 && months <= MAX_MONTHS) return;
  throw invalid(
    'months',
    'months_invalid',
    {
      zh: `续费时长须为 1–${MAX_MONTHS} 个整月（常用 6、12、24）`,
      en: `Months must be a whole number from 1 to ${MAX_MONTHS} (6, 12 or 24 are usual)`,
    },
    [
      {
        zh: '选择 6、12、24 个月或输入自定义月数',
        en: 'Choose 6, 12 or 24 months, or enter a custom number',
      },
    ],
  );
}

/**
 * R20: max(current expiry, today) + months in calendar months; a day past the target month's end is its
 * last day (Jan 31 + 1 month = Feb 28 or 29), as PostgreSQL's date + interval does in the store.
 */
export function renewedExpiry(
  current: Temporal.PlainDate | null,
  today: Temporal.PlainDate,
  months: number,
): Temporal.PlainDate {
  const from = current && Temporal.PlainDate.compare(current, today) > 0 ? current : today;
  return from.add({ months }, { overflow: 'constrain' });
}

const named = (nos: string[]): string =>
  nos.slice(0, 50).join(', ') + (nos.length > 50 ? ` …(+${nos.length - 50})` : '');

/** A device with no renewal package has no price to renew at (R18): support binds one first. */
export function devicesUnbound(nos: string[]): AppError {
  return new AppError({
    status: 422,
    code: 'DEVICES_UNBOUND',
    message: {
      zh: `${nos.length} 个设备未绑定续费套餐，无法续费：${named(nos)}`,
      en: `${nos.length} device(s) have no renewal package and cannot be renewed: ${named(nos)}`,
    },
    fields: [{ field: 'deviceIds', code: 'unbound', message: { zh: '未绑定套餐', en: 'No package bound' } }],
    fixes: [
      {
        zh: '去掉这些设备，或请技术支持先绑定续费套餐',
        en: 'Leave these devices out, or ask support to bind a renewal package first',
      },
    ],
    details: { rule: 'R18', deviceNos: nos },
  });
}

/** One order is paid in one currency: a batch whose packages price in two is split by the customer. */
export function currenciesMixed(byCurrency: Map<Currency, string[]>): AppError {
  const parts = [...byCurrency].map(([c, nos]) => `${c}: ${named(nos)}`).join('; ');
  return new AppError({
    status: 422,
    code: 'DEVICES_CURRENCY_MIXED',
    message: {
      zh: `所选设备的套餐币种不同，一张订单只能用一种币种：${parts}`,
      en: `The chosen devices' packages price in different currencies; one order has one: ${parts}`,
    },
    fields: [
      { field: 'deviceIds', code: 'currency_mixed', message: { zh: '币种不同', en: 'Mixed currencies' } },
    ],
    fixes: [{ zh: '按币种分开续费', en: 'Renew each currency in its own order' }],
    details: { byCurrency: Object.fromEntries(byCurrency) },
  });
}

/** R20: a device is on at most one order awaiting payment, so two renewals never extend it twice. */
export function renewalOpen(open: { device_no: string; number: string }[]): AppError {
  const orders = [...new Set(open.map((o) => o.number))];
  return new AppError({
    status: 409,
    code: 'DEVICE_RENEWAL_OPEN',
    message: {
      zh: `${open.length} 个设备已在待付款的续费订单中（${orders.join(', ')}）：${named(open.map((o) => o.device_no))}`,
      en: `${open.length} device(s) are already on a renewal order awaiting payment (${orders.join(', ')}): ${named(open.map((o) => o.device_no))}`,
    },
    fixes: [
      {
        zh: '先支付或等待该订单过期，或去掉这些设备',
        en: 'Pay that order or let it expire, or leave these devices out',
      },
    ],
    details: { rule: 'R20', orders, deviceNos: open.map((o) => o.device_no) },
  });
}

/** R20: devices renewed by another order since the customer's quote; the new quote shows the new expiries. */
export function renewedSinceQuote(renewed: { device_no: string; number: string }[]): AppError {
  const orders = [...new Set(renewed.map((o) => o.number))];
  return new AppError({
    status: 409,
    code: 'DEVICE_RENEWED_SINCE_QUOTE',
    message: {
      zh: `${renewed.length} 个设备在报价后已由订单 ${orders.join(', ')} 续费：${named(renewed.map((o) => o.device_no))}`,
      en: `${renewed.length} device(s) were renewed by order ${orders.join(', ')} after this quote: ${named(renewed.map((o) => o.device_no))}`,
    },
    fixes: [
      {
        zh: '刷新列表查看新的到期日，再决定是否续费',
        en: 'Refresh the list to see the new expiries, then decide again',
      },
    ],
    details: { rule: 'R20', orders, deviceNos: renewed.map((o) => o.device_no) },
  });
}

/** The server prices the batch; a confirmed total that disagrees is refused with the server's. */
export function totalMismatch(expected: string, server: string, currency: Currency): AppError {
  return new AppError({
    status: 422,
    code: 'TOTAL_MISMATCH',
    message: {
      zh: `确认的金额 ${expected} 与当前报价 ${server} ${currency} 不一致`,
      en: `The confirmed total ${expected} differs from the current price ${server} ${currency}`,
    },
    fields: [
      {
        field: 'expectedTotal',
        code: 'mismatch',
        message: { zh: `应为 ${server}`, en: `The server's total is ${server}` },
      },
    ],
    fixes: [{ zh: '重新报价后再确认', en: 'Quote again and confirm the new total' }],
    details: { expectedTotal: expected, total: server, currency },
  });
}

const ONLINE_METHODS = ['sandbox', 'wechatpay', 'alipay', 'paypal'] as const;

/** The renewal order's method for an attempt's provider; an offline transfer never pays one (R20). */
export function renewalMethod(provider: string): DeviceOrderRow['payment_method'] {
  const m = ONLINE_METHODS.find((x) => x === provider);
  if (!m) throw new Error(`provider ${provider} does not pay renewal orders`);
  return m;
}
