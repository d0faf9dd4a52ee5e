// Both engines must hand back the same JS values: INT8 → bigint (money, counts), NUMERIC → string
// (never a float), DATE → 'YYYY-MM-DD' (a calendar date has no time zone), TIMESTAMPTZ → Date.
export const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, INT8_ARRAY: 1016 } as const;

export const parseInt8 = (v: string): bigint => BigInt(v);
export const parseDate = (v: string): string => v;
export const parseNumeric = (v: string): string => v;
export const parseInt8Array = (v: string): bigint[] =>
  v === '{}'
    ? []
    : v
        .slice(1, -1)
        .split(',')
        .map((s) => BigInt(s));
