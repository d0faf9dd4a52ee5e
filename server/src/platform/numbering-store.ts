import { type RawBuilder, sql } from 'kysely';
import { type Clock, today } from './clock';
import type { Exec } from './db/database';

/**
 * Next human number for a document kind, e.g. KD-20261125-0001. One upsert: concurrent callers queue on
 * the counter row, and a rolled-back caller's number is reused because the increment rolls back with it.
 */
export async function nextNumber(ex: Exec, clock: Clock, kind: string, prefix: string): Promise<string> {
  const day = today(clock);
  const { rows } = await sql<{ last: number }>`insert into number_counters (kind, day, last)
    values (${kind}, ${day.toString()}, 1)
    on conflict (kind, day) do update set last = number_counters.last + 1
    returning last`.execute(ex);
  const n = rows[0]?.last ?? 1;
  return `${prefix}-${day.toString().replaceAll('-', '')}-${String(n).padStart(4, '0')}`;
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
    when 'request' then (select q.number from requests q where q.id = ${id}) end`;
