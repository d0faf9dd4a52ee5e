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
