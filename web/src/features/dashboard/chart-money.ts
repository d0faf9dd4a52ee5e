import { formatAmount } from '../../ui/format';

// Charts need numbers for bar heights. We plot integer minor units (exact up to 2^53, far beyond any
// wallet) and show every label from decimal strings, so money never passes through a float.

/** "1234.50" → 123450 (integer minor units, two decimals as for CNY and USD). */
export function toMinor(amount: string): number {
  const negative = amount.startsWith('-');
  const [int = '0', frac = ''] = (negative ? amount.slice(1) : amount).split('.');
  const minor = Number(`${int}${frac.padEnd(2, '0').slice(0, 2)}`);
  return negative ? -minor : minor;
}

/** 123450 → "1234.50", by digits only. */
export function fromMinor(minor: number): string {
  const negative = minor < 0;
  const digits = Math.abs(Math.trunc(minor)).toString().padStart(3, '0');
  return `${negative ? '-' : ''}${digits.slice(0, -2)}.${digits.slice(-2)}`;
}

/** An axis tick: the amount with its currency symbol, whole units without ".00". */
export function tickAmount(minor: number, currency: string): string {
  return formatAmount(fromMinor(minor), currency).replace(/\.00$/, '');
}
