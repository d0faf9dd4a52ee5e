import { type RawBuilder, sql } from 'kysely';
import { type Clock, today } from './clock';
import type { Exec } from './db/database';

/** Kinds of document that carry a human number; each has its own sequence (migration 2026_12_01_1700). */
export type NumberKind = 'order' | 'request' | 'device_order';

const SEQUENCE: Record<NumberKind, string> = {
  order: 'order_number_seq',
  request: 'request_number_seq',
  device_order: 'device_order_number_seq',
};

/** Digits the sequence part is padded to: numbers of one kind have one width up to a million documents. */
export const NUMBER_DIGITS = 6;

/**
 * Next human number for a document kind, e.g. SO-20261201-000123: the Asia/Shanghai business day of the
 * injected clock, then the kind's sequence. A sequence is never locked until COMMIT, so concurrent orders do
 * not wait for one another; a rolled-back caller leaves a gap (docs/numbering.md).
 */
export async function nextNumber(ex: Exec, clock: Clock, kind: NumberKind, prefix: string): Promise<string> {
  const day = today(clock);
  const { rows } = await sql<{ n: bigint }>`select nextval(${SEQUENCE[kind]}::regclass) as n`.execute(ex);
  const n = rows[0]?.n;
  if (n === undefined) throw new Error(`no number from ${SEQUENCE[kind]}`);
  return `${prefix}-${day.toString().replaceAll('-', '')}-${String(n).padStart(NUMBER_DIGITS, '0')}`;
}

/**
 * The same number as `nextNumber`, as an SQL expression, so the insert that stores it also draws it
 * (one statement fewer on the order's path). Padded like `padStart`: never truncated past six digits.
 */
export function numberSql(clock: Clock, kind: NumberKind, prefix: string): RawBuilder<string> {
  const head = `${prefix}-${today(clock).toString().replaceAll('-', '')}-`;
  return sql<string>`(select ${head}::text || lpad(n::text, greatest(${NUMBER_DIGITS}, length(n::text)), '0')
    from (select nextval(${SEQUENCE[kind]}::regclass) as n) as s)`;
}

export interface RefNumbered {
  ref_number: string | null;
}

/**
 * The human number of what a hold, ledger entry or notification refers to (an order's SO-…, a request's
 * number), so that answers name it instead of its id; null for other reference kinds.
 */
export const refNumber = (type: RawBuilder<unknown>, id: RawBuilder<unknown>): RawBuilder<string | null> =>
  sql<string | null>`case ${type}
    when 'order' then (select o.number from orders o where o.id = ${id})
    when 'request' then (select q.number from requests q where q.id = ${id})
    when 'device_order' then (select d.number from device_orders d where d.id = ${id}) end`;
