import type { DeviceDepth, DeviceImportError, DeviceImportState } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { inCompanyScope } from '../parties';
import { type DeviceWhere, inDeviceWhere } from './device-store';
import type { SheetRow } from './import-sheet';

// The only SQL of expiry imports (R21, ADR 0025). Every step over the staged rows is one set-based
// statement (100,000 rows are a handful of statements, never a loop), and the rows are resolved under the
// same scope ∧ direct/all predicate as every device list, so an import can name only what its uploader
// could find in the console.

export interface DeviceImportRow {
  id: string;
  company_id: string;
  depth: DeviceDepth;
  allow_past: boolean;
  file_name: string;
  state: DeviceImportState;
  total_rows: number;
  valid_rows: number;
  error_rows: number;
  applied_rows: number | null;
  created_at: Date;
  applied_at: Date | null;
  version: number;
}
const COLS = sql`i.id, i.company_id, i.depth, i.allow_past, i.file_name, i.state, i.total_rows, i.valid_rows,
  i.error_rows, i.applied_rows, i.created_at, i.applied_at, i.version`;

export async function insertImport(
  ex: Exec,
  r: Pick<DeviceImportRow, 'id' | 'company_id' | 'depth' | 'allow_past' | 'file_name' | 'created_at'> & {
    created_by: string | null;
  },
): Promise<void> {
  await sql`insert into device_imports (id, company_id, depth, allow_past, file_name, created_by, created_at)
    values (${r.id}, ${r.company_id}, ${r.depth}, ${r.allow_past}, ${r.file_name}, ${r.created_by},
      ${r.created_at})`.execute(ex);
}

// Arrays rather than a VALUES list: 7 parameters per chunk whatever its length, well under the 65,535 cap.
const CHUNK = 20_000;
const orEmpty = (v: string | null) => v ?? '';

export async function insertImportRows(
  ex: Exec,
  importId: string,
  companyId: string,
  rows: SheetRow[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await sql`insert into device_import_rows (import_id, company_id, row_no, device_no, company_ref,
        expiry_text, expires_on, error)
      select ${importId}, ${companyId}, u.n, nullif(u.d, ''), nullif(u.c, ''), nullif(u.t, ''),
        nullif(u.e, '')::date, nullif(u.err, '')
      from unnest(${part.map((r) => r.rowNo)}::int[], ${part.map((r) => orEmpty(r.deviceNo))}::text[],
        ${part.map((r) => orEmpty(r.companyRef))}::text[], ${part.map((r) => orEmpty(r.expiryText))}::text[],
        ${part.map((r) => orEmpty(r.expiresOn))}::text[], ${part.map((r) => orEmpty(r.error))}::text[])
        as u(n, d, c, t, e, err)`.execute(ex);
  }
  // Fresh rows have no statistics until autovacuum passes, and a planner guessing "few rows" joins
  // 100,000 of them by nested loop; ANALYZE of this one table takes milliseconds.
  await sql`analyze device_import_rows`.execute(ex);
}

/**
 * Resolves each still-valid row to the one device it names under the chosen tree, then marks the rest:
 * several matches (the same id at two companies, no company column to choose) are `ambiguous`, none is
 * `not_found` (unknown and out of scope alike), a past date is `date_past` unless allowed, and a device named
 * again further down is a `duplicate` of its first row (the first one is applied).
 */
export async function resolveImportRows(
  ex: Exec,
  p: Principal,
  w: DeviceWhere,
  importId: string,
  today: string,
  allowPast: boolean,
): Promise<void> {
  await sql`with m as (
      select r.row_no, count(d.id) as n, min(d.id) as device_id, min(d.company_id) as company_id
      from device_import_rows r
      join devices d on d.device_no = r.device_no and ${inDeviceWhere(p, w)}
        and (r.company_ref is null or d.company_id = r.company_ref
          or d.company_id in (select c.id from companies c where c.name_zh = r.company_ref or c.name_en = r.company_ref))
      where r.import_id = ${importId} and r.error is null
      group by r.row_no)
    update device_import_rows r
    set device_id = case when m.n = 1 then m.device_id end,
      company_id = case when m.n = 1 then m.company_id else r.company_id end,
      error = case when m.n > 1 then 'ambiguous' end
    from m where r.import_id = ${importId} and r.row_no = m.row_no`.execute(ex);
  await sql`update device_import_rows set error = 'not_found'
    where import_id = ${importId} and error is null and device_id is null`.execute(ex);
  if (!allowPast)
    await sql`update device_import_rows set error = 'date_past'
      where import_id = ${importId} and error is null and expires_on < ${today}::date`.execute(ex);
  await sql`with f as (
      select device_id, min(row_no) as first from device_import_rows
      where import_id = ${importId} and error is null group by device_id having count(*) > 1)
    update device_import_rows r set error = 'duplicate', first_row = f.first from f
    where r.import_id = ${importId} and r.error is null and r.device_id = f.device_id
      and r.row_no > f.first`.execute(ex);
  await sql`update device_imports i set total_rows = s.total, valid_rows = s.valid, error_rows = s.total - s.valid
    from (select count(*)::int as total, (count(*) filter (where error is null))::int as valid
      from device_import_rows where import_id = ${importId}) s
    where i.id = ${importId}`.execute(ex);
}

const importScope = (p: Principal) => inCompanyScope(p, sql.ref('i.company_id'));

export async function importInScope(
  ex: Exec,
  p: Principal,
  id: string,
  lock = false,
): Promise<DeviceImportRow | undefined> {
  const forUpdate: RawBuilder<unknown> = lock ? sql`for update` : sql``;
  const { rows } = await sql<DeviceImportRow>`select ${COLS} from device_imports i
    where i.id = ${id} and ${importScope(p)} ${forUpdate}`.execute(ex);
  return rows[0];
}

export async function importErrorCounts(
  ex: Exec,
  id: string,
): Promise<{ error: DeviceImportError; n: number }[]> {
  const { rows } = await sql<{ error: DeviceImportError; n: number }>`select error, count(*)::int as n
    from device_import_rows where import_id = ${id} and error is not null group by error order by error`.execute(
    ex,
  );
  return rows;
}

export interface ImportLine {
  row_no: number;
  device_no: string | null;
  company_ref: string | null;
  expiry_text: string | null;
  expires_on: string | null;
  error: DeviceImportError | null;
  first_row: number | null;
  changed: boolean;
}
const LINE = sql`row_no, device_no, company_ref, expiry_text, expires_on, error, first_row, changed`;

/** A page of the rows in file order after `after`; `onlyErrors` for the preview's list of bad rows. */
export async function importLines(
  ex: Exec,
  id: string,
  f: { onlyErrors: boolean; after: number; limit: number },
): Promise<ImportLine[]> {
  const only = f.onlyErrors ? sql`and error is not null` : sql``;
  const { rows } = await sql<ImportLine>`select ${LINE} from device_import_rows
    where import_id = ${id} and row_no > ${f.after} ${only} order by row_no limit ${f.limit}`.execute(ex);
  return rows;
}

/** Moves the import to applied once: a second confirm finds it applied and changes nothing. */
export async function claimImport(ex: Exec, id: string, by: string | null, at: Date): Promise<boolean> {
  const r = await sql`update device_imports set state = 'applied', applied_by = ${by}, applied_at = ${at},
      version = version + 1 where id = ${id} and state = 'previewed'`.execute(ex);
  return r.numAffectedRows === 1n;
}

/**
 * Applies the valid rows: the devices are locked and still in scope, each row records the expiry it
 * replaces, then one UPDATE moves the devices whose expiry changes. Answers the rows applied (found) and
 * the devices changed.
 */
export async function applyImportRows(
  ex: Exec,
  p: Principal,
  w: DeviceWhere,
  importId: string,
): Promise<{ applied: number; changed: number }> {
  const found = await sql`with t as (
      select d.id, d.expires_on from devices d
      where d.id in (select device_id from device_import_rows where import_id = ${importId} and error is null)
        and ${inDeviceWhere(p, w)}
      for no key update)
    update device_import_rows r set before_on = t.expires_on, changed = t.expires_on is distinct from r.expires_on
    from t where r.import_id = ${importId} and r.error is null and r.device_id = t.id`.execute(ex);
  const moved = await sql`update devices d set expires_on = r.expires_on, version = d.version + 1
    from device_import_rows r where r.import_id = ${importId} and r.changed and d.id = r.device_id`.execute(
    ex,
  );
  const applied = Number(found.numAffectedRows ?? 0n);
  await sql`update device_imports set applied_rows = ${applied} where id = ${importId}`.execute(ex);
  return { applied, changed: Number(moved.numAffectedRows ?? 0n) };
}

/** The trail rows of an applied import, one per changed device, for `appendAuditSelect`. */
export const changedExpiries = (importId: string): RawBuilder<unknown> =>
  sql`select r.device_id as object_id, null::text as state_before, null::text as state_after,
      jsonb_build_object('expiresOn', r.before_on) as before, jsonb_build_object('expiresOn', r.expires_on) as after
    from device_import_rows r where r.import_id = ${importId} and r.changed order by r.row_no`;
