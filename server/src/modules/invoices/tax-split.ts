import { mulDivHalfUp } from '@kaidan/shared';

// VAT inside tax-inclusive amounts (价税合计). The tax of an invoice is computed once per rate on the
// rate's total, rounded half-up, and allocated across its lines by largest remainder of their exact shares,
// so the lines sum to the total to the fen and each line is within one fen of its exact share.

export interface GrossLine {
  /** tax-inclusive amount, minor units, > 0 */
  amount: bigint;
  /** VAT rate in basis points (600 = 6%) */
  rateBp: number;
}

export interface TaxedLine {
  amount: bigint;
  net: bigint;
  tax: bigint;
}

const BP = 10_000n;

/** The tax inside a tax-inclusive amount at a rate: amount × r / (1 + r), rounded half-up. */
export const taxOf = (amount: bigint, rateBp: number): bigint =>
  mulDivHalfUp(amount, BigInt(rateBp), BP + BigInt(rateBp));

/**
 * Largest remainder on the exact shares amount_i × r / (1 + r): each line first gets the floor of its
 * share, then the fen still missing to `total` go one each to the largest fractional parts (ties: earlier
 * line). `total` is within half a fen of the sum of shares, so at most one fen goes to any line.
 */
export function allocateTax(total: bigint, amounts: readonly bigint[], rateBp: number): bigint[] {
  const num = BigInt(rateBp);
  const den = BP + num;
  const floors = amounts.map((a) => (a * num) / den);
  const rems = amounts.map((a, i) => ({ i, r: (a * num) % den }));
  let left = total - floors.reduce((s, f) => s + f, 0n);
  rems.sort((x, y) => (y.r > x.r ? 1 : y.r < x.r ? -1 : x.i - y.i));
  for (const { i } of rems) {
    if (left <= 0n) break;
    floors[i] = (floors[i] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors;
}

/** Net and tax of each line, in input order: per rate, the tax on the rate's total, then allocated. */
export function splitTax(lines: readonly GrossLine[]): TaxedLine[] {
  const out: TaxedLine[] = lines.map((l) => ({ amount: l.amount, net: l.amount, tax: 0n }));
  const rates = [...new Set(lines.map((l) => l.rateBp))];
  for (const rate of rates) {
    const idx = lines.flatMap((l, i) => (l.rateBp === rate ? [i] : []));
    const amounts = idx.map((i) => lines[i]?.amount ?? 0n);
    const total = taxOf(
      amounts.reduce((s, a) => s + a, 0n),
      rate,
    );
    const taxes = allocateTax(total, amounts, rate);
    idx.forEach((i, k) => {
      const tax = taxes[k] ?? 0n;
      const line = out[i];
      if (line) Object.assign(line, { tax, net: line.amount - tax });
    });
  }
  return out;
}
