// Money is bigint minor units plus a currency; on the wire an amount is a decimal string.
export const CURRENCIES = ['CNY', 'USD'] as const;
export type Currency = (typeof CURRENCIES)[number];
const SCALE: Record<Currency, number> = { CNY: 2, USD: 2 };

export function scaleOf(currency: Currency): number {
  return SCALE[currency];
}

/** Parses "123.45" (at most the currency's decimals) into minor units; null when malformed. */
export function parseAmount(text: string, currency: Currency): bigint | null {
  const m = /^(-?)(\d{1,15})(?:\.(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const scale = SCALE[currency];
  const frac = m[3] ?? '';
  if (frac.length > scale) return null;
  const minor = BigInt((m[2] ?? '0') + frac.padEnd(scale, '0'));
  return m[1] === '-' ? -minor : minor;
}

export function formatAmount(minor: bigint, currency: Currency): string {
  const scale = SCALE[currency];
  const neg = minor < 0n;
  const digits = (neg ? -minor : minor).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale);
  return `${neg ? '-' : ''}${int}${scale ? `.${frac}` : ''}`;
}

/** a × num / den rounded half-up (away from zero on ties); den > 0. */
export function mulDivHalfUp(a: bigint, num: bigint, den: bigint): bigint {
  if (den <= 0n) throw new RangeError('den must be positive');
  const p = a * num;
  const q = p / den;
  const r = p % den;
  if (r === 0n) return q;
  const twice = (r < 0n ? -r : r) * 2n;
  if (twice >= den) return p < 0n ? q - 1n : q + 1n;
  return q;
}

/** Splits total by weights with the largest-remainder method; the parts always sum to total. */
export function allocate(total: bigint, weights: readonly bigint[]): bigint[] {
  const sum = weights.reduce((s, w) => s + w, 0n);
  if (sum <= 0n) throw new RangeError('weights must sum to a positive number');
  const base = weights.map((w) => (total * w) / sum);
  const rems = weights.map((w, i) => ({ i, r: (total * w) % sum }));
  let left = total - base.reduce((s, b) => s + b, 0n);
  rems.sort((x, y) => (y.r > x.r ? 1 : y.r < x.r ? -1 : x.i - y.i));
  for (const { i } of rems) {
    if (left === 0n) break;
    base[i] = (base[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return base;
}
