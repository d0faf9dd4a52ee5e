import type { Currency } from '@kaidan/shared';

// Amount conversion at the WeChat Pay edge only: its `amount.total` is an integer count of fen, which
// for CNY is exactly our minor unit. No float ever holds money: a total outside the safe-integer range
// or not an integer is refused rather than rounded.

export function fenOf(amount: bigint, currency: Currency): number {
  if (currency !== 'CNY') throw new Error(`WeChat Pay takes CNY only, not ${currency}`);
  if (amount <= 0n || amount > BigInt(Number.MAX_SAFE_INTEGER))
    throw new Error(`amount out of range: ${amount}`);
  return Number(amount);
}

/** Fen from a notification's JSON back to minor units; null when it is not a positive safe integer. */
export function minorOfFen(total: unknown): bigint | null {
  if (typeof total !== 'number' || !Number.isSafeInteger(total) || total <= 0) return null;
  return BigInt(total);
}

/** WeChat Pay out_trade_no: 6–32 characters of [A-Za-z0-9_-|*]. */
export const MERCHANT_ORDER_NO = /^[A-Za-z0-9_|*-]{6,32}$/;

// Alipay (`total_amount`, yuan) and PayPal (`value`, dollars) take amounts as decimal strings with
// exactly two places. Converted digit by digit from bigint minor units, never through a float; a string
// that is not exactly "<integer>.<two digits>", or out of the provider's range, is refused.

const DECIMAL = /^(0|[1-9]\d{0,17})\.(\d{2})$/;

/** Minor units → "12.34" (both currencies here have two decimals); throws outside [1, max]. */
export function decimalOf(amount: bigint, max: bigint): string {
  if (amount <= 0n || amount > max) throw new Error(`amount out of range: ${amount}`);
  const cents = (amount % 100n).toString().padStart(2, '0');
  return `${amount / 100n}.${cents}`;
}

/** "12.34" → 1234n; null unless exactly two decimals and within [1, max] minor units. */
export function minorOfDecimal(text: unknown, max: bigint): bigint | null {
  if (typeof text !== 'string') return null;
  const m = DECIMAL.exec(text);
  if (!m) return null;
  const minor = BigInt(m[1] ?? '') * 100n + BigInt(m[2] ?? '');
  return minor > 0n && minor <= max ? minor : null;
}

/** Alipay total_amount / refund_amount: [0.01, 100000000.00] yuan. */
export const ALIPAY_MAX = 10_000_000_000n;
/** PayPal: a value of up to 10 integer digits is far past any top-up or order; the cap keeps it exact. */
export const PAYPAL_MAX = 999_999_999_999n;
