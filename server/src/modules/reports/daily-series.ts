import type { Currency } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import type { DailyMoneyRow } from './report-store';

export interface DayFlow {
  date: string;
  /** credits to the wallets (top-ups, refunds, settled-offline returns), ≥ 0 */
  in: bigint;
  /** debits from the wallets (captures), ≥ 0 */
  out: bigint;
  /** signed from the wallets' side, only the kinds that moved that day */
  byKind: { kind: string; amount: bigint }[];
}

export interface CurrencyFlows {
  currency: Currency;
  totalIn: bigint;
  totalOut: bigint;
  days: DayFlow[];
}

/**
 * Every day from `first` to `last` for each currency that moved, so a chart has a stable axis; days
 * without entries carry zeros. Sums stay bigint.
 */
export function dailySeries(
  first: Temporal.PlainDate,
  last: Temporal.PlainDate,
  rows: DailyMoneyRow[],
): CurrencyFlows[] {
  const currencies = [...new Set(rows.map((r) => r.currency))].sort();
  return currencies.map((currency) => {
    const mine = rows.filter((r) => r.currency === currency);
    const days: DayFlow[] = [];
    for (let d = first; Temporal.PlainDate.compare(d, last) <= 0; d = d.add({ days: 1 })) {
      const date = d.toString();
      const those = mine.filter((r) => r.date === date);
      days.push({
        date,
        in: those.reduce((s, r) => s + r.credit, 0n),
        out: those.reduce((s, r) => s + r.debit, 0n),
        byKind: those.map((r) => ({ kind: r.kind, amount: r.amount })),
      });
    }
    return {
      currency,
      totalIn: days.reduce((s, d) => s + d.in, 0n),
      totalOut: days.reduce((s, d) => s + d.out, 0n),
      days,
    };
  });
}
