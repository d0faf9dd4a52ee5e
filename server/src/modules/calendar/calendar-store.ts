import { sql } from 'kysely';
import type { DayKind, Overrides } from '../../platform/calendar';
import type { Exec } from '../../platform/db/database';

export interface OverrideRow {
  /** ISO date, YYYY-MM-DD (DATE is parsed to a string on both engines) */
  day: string;
  kind: DayKind;
  note: string;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: Date;
}

const COLS = sql`o.day, o.kind, o.note, o.updated_by, o.updated_at,
  (select u.name from users u where u.id = o.updated_by) as updated_by_name`;

export async function overridesOfYear(ex: Exec, year: number): Promise<OverrideRow[]> {
  const { rows } = await sql<OverrideRow>`select ${COLS} from calendar_overrides o
    where o.day between ${`${year}-01-01`}::date and ${`${year}-12-31`}::date order by o.day`.execute(ex);
  return rows;
}

export async function findOverride(ex: Exec, day: string, lock = false): Promise<OverrideRow | undefined> {
  const { rows } = await sql<OverrideRow>`select ${COLS} from calendar_overrides o where o.day = ${day}::date
    ${lock ? sql`for update` : sql``}`.execute(ex);
  return rows[0];
}

/**
 * Every override after `from`, in one statement, for one deadline computation (ADR 0017). Not bounded
 * above: how far n business days reach depends on the overrides themselves, and the table holds a few
 * dozen days a year.
 */
export async function overridesAfter(ex: Exec, from: string): Promise<Overrides> {
  const { rows } = await sql<{ day: string; kind: DayKind }>`select day, kind from calendar_overrides
    where day > ${from}::date`.execute(ex);
  return new Map(rows.map((r) => [r.day, r.kind]));
}

export async function upsertOverride(
  ex: Exec,
  o: { day: string; kind: DayKind; note: string; by: string | null; at: Date },
): Promise<void> {
  await sql`insert into calendar_overrides (day, kind, note, updated_by, updated_at)
    values (${o.day}::date, ${o.kind}, ${o.note}, ${o.by}, ${o.at})
    on conflict (day) do update set kind = excluded.kind, note = excluded.note,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`.execute(ex);
}

export async function deleteOverride(ex: Exec, day: string): Promise<boolean> {
  const res = await sql`delete from calendar_overrides where day = ${day}::date`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}
