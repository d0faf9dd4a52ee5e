import { type Currency, formatAmount } from '@kaidan/shared';

// Wire shapes: amounts as decimal strings of their currency, instants as ISO strings.
export const money = (v: bigint, c: Currency): string => formatAmount(v, c);
export const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export interface Paged<T> {
  items: T[];
  nextCursor: string | null;
}

/** Keyset page: ask for limit + 1 rows; the extra one only says there is a next page. */
export function paged<R extends { id: string }, T>(rows: R[], limit: number, map: (r: R) => T): Paged<T> {
  const items = rows.slice(0, limit);
  return { items: items.map(map), nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
