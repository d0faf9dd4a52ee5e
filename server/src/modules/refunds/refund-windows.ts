import type { Payments } from '../payments';

/** Days after payment a channel still refunds by its original route (R35); null: no window (the wallet). */
export type RefundWindows = (channel: string) => number | null;

/**
 * The windows the providers document (issue #12): WeChat Pay 365 days, PayPal 180, Alipay by merchant
 * setting (365 as its default contract term); the sandbox stands in for WeChat Pay. Used where the
 * configured providers are not at hand (filing and acceptance inside the requests module); the API's
 * preview asks the configured providers themselves (`windowsOf`).
 */
const KNOWN: Readonly<Record<string, number>> = { sandbox: 365, wechatpay: 365, paypal: 180, alipay: 365 };

export const knownRefundWindows: RefundWindows = (channel) => KNOWN[channel] ?? null;

/** The configured providers' own `refundWindowDays`, the documented ones for a provider not configured. */
export const windowsOf =
  (payments: Payments): RefundWindows =>
  (channel) =>
    [...payments.providers.values()].find((pv) => pv.name === channel)?.refundWindowDays ??
    knownRefundWindows(channel);
