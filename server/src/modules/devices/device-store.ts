import type { DeviceState } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { inTreeWhere, type TreeWhere } from '../parties';

// The only SQL of devices, their renewal binding and value-added packages (R18, R19). Every read and
// write is narrowed by parties' one scope rule (`inCompanyScope`) and, for the direct/all switch, by its
// company tree (`inCompanyTree`); batch actions are single set-based statements, never a loop.

/** Where an action or list looks: parties' direct/all switch. */
export type DeviceWhere = TreeWhere;

const where = (p: Principal, w: DeviceWhere): RawBuilder<unknown> =>
  inTreeWhere(p, w, sql.ref('d.company_id'));

/** The same predicate for the import's store (R21): an expiry import resolves its rows under it. */
export const inDeviceWhere = where;

export interface DeviceRow {
  id: string;
  company_id: string;
  device_no: string;
  type: string;
  state: DeviceState;
  renewal_package_id: string | null;
  expires_on: string | null;
  created_at: Date;
  version: number;
}
export interface PackageRefJson {
  id: string;
  code: string;
  nameZh: string;
}
export interface DeviceDetailRow extends DeviceRow {
  company_name: string;
  renewal_code: string | null;
  renewal_name: string | null;
  value_added: PackageRefJson[];
}
const COLS = sql`d.id, d.company_id, d.device_no, d.type, d.state, d.renewal_package_id, d.expires_on,
  d.created_at, d.version`;
const DETAIL = sql`${COLS}, c.name_zh as company_name, rp.code as renewal_code, rp.name_zh as renewal_name,
  coalesce((select json_agg(json_build_object('id', vp.id, 'code', vp.code, 'nameZh', vp.name_zh)
      order by vp.code)
    from device_value_added v join device_packages vp on vp.id = v.package_id where v.device_id = d.id),
    '[]'::json) as value_added`;
const FROM = sql`devices d join companies c on c.id = d.company_id
  left join device_packages rp on rp.id = d.renewal_package_id`;

export type DeviceSort = SortParam<'deviceNo' | 'type' | 'expires' | 'created'>;
const SORT: Sortable<'deviceNo' | 'type' | 'expires' | 'created'> = {
  deviceNo: { expr: sql`d.device_no`, type: 'text' },
  type: { expr: sql`d.type`, type: 'text' },
  // ISO dates order as text; no expiry sorts last.
  expires: { expr: sql`coalesce(d.expires_on::text, '9999-12-31')`, type: 'text' },
  created: { expr: sql`d.created_at`, type: 'timestamptz' },
};
const ID = { expr: sql`d.id`, type: 'text' } as const;

export interface DeviceFilter {
  q?: string | undefined;
  state?: DeviceState | undefined;
  bound?: boolean | undefined;
  type?: string | undefined;
  packageId?: string | undefined;
  expiresFrom?: string | undefined;
  expiresTo?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: DeviceSort | undefined;
  after?: string | undefined;
  limit: number;
}
export type DeviceListRow = DeviceDetailRow & KeyedRow;

export async function listDevices(
  ex: Exec,
  p: Principal,
  w: DeviceWhere,
  f: DeviceFilter,
): Promise<DeviceListRow[]> {
  const page = keyset('devices', SORT, ID, f.sort ?? 'deviceNo', f.after);
  const conds = [where(p, w), page.where];
  if (f.state) conds.push(sql`d.state = ${f.state}`);
  if (f.bound !== undefined) conds.push(sql`(d.renewal_package_id is not null) = ${f.bound}`);
  if (f.type) conds.push(sql`d.type = ${f.type}`);
  if (f.packageId)
    conds.push(sql`(d.renewal_package_id = ${f.packageId} or exists (select 1 from device_value_added v
      where v.device_id = d.id and v.package_id = ${f.packageId}))`);
  if (f.expiresFrom) conds.push(sql`d.expires_on >= ${f.expiresFrom}::date`);
  if (f.expiresTo) conds.push(sql`d.expires_on <= ${f.expiresTo}::date`);
  conds.push(...onBusinessDates(sql`d.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`d.device_no`, sql`d.type`, sql`c.name_zh`]));
  const { rows } = await sql<DeviceListRow>`select ${DETAIL}, ${page.select} from ${FROM}
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function deviceInScope(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<DeviceDetailRow | undefined> {
  const { rows } = await sql<DeviceDetailRow>`select ${DETAIL} from ${FROM}
    where d.id = ${id} and ${where(p, { rootId: null, depth: 'all' })}`.execute(ex);
  return rows[0];
}

export async function deviceNoTaken(ex: Exec, companyId: string, deviceNo: string): Promise<boolean> {
  const { rows } =
    await sql`select 1 from devices where company_id = ${companyId} and device_no = ${deviceNo}`.execute(ex);
  return rows.length > 0;
}

export async function insertDevice(
  ex: Exec,
  r: Pick<
    DeviceRow,
    'id' | 'company_id' | 'device_no' | 'type' | 'renewal_package_id' | 'expires_on' | 'created_at'
  >,
): Promise<void> {
  await sql`insert into devices (id, company_id, device_no, type, renewal_package_id, expires_on, created_at)
    values (${r.id}, ${r.company_id}, ${r.device_no}, ${r.type}, ${r.renewal_package_id}, ${r.expires_on}::date,
      ${r.created_at})`.execute(ex);
}

export async function updateDeviceType(
  ex: Exec,
  p: Principal,
  id: string,
  version: number,
  type: string,
): Promise<boolean> {
  const r = await sql`update devices d set type = ${type}, version = d.version + 1
    where d.id = ${id} and d.version = ${version} and ${where(p, { rootId: null, depth: 'all' })}`.execute(
    ex,
  );
  return r.numAffectedRows === 1n;
}

/** The given Kaidan device ids the principal may act on, locked for the change that follows. */
export async function devicesByIds(ex: Exec, p: Principal, ids: string[]): Promise<DeviceRow[]> {
  const { rows } = await sql<DeviceRow>`select ${COLS} from devices d
    where d.id = any(${ids}::text[]) and ${where(p, { rootId: null, depth: 'all' })}
    order by d.id for no key update`.execute(ex);
  return rows;
}

/** Devices matching the pasted customer device ids under the chosen company tree (R19), locked. */
export async function devicesByNos(
  ex: Exec,
  p: Principal,
  w: DeviceWhere,
  nos: string[],
): Promise<DeviceRow[]> {
  const { rows } = await sql<DeviceRow>`select ${COLS} from devices d
    where d.device_no = any(${nos}::text[]) and ${where(p, w)} order by d.id for no key update`.execute(ex);
  return rows;
}

export interface BindingChange {
  id: string;
  company_id: string;
  device_no: string;
  before: string | null;
}

/** R18 per device: sets the renewal package (or none) of these ids where it changes; one statement. */
export async function bindRenewalByIds(
  ex: Exec,
  ids: string[],
  packageId: string | null,
): Promise<BindingChange[]> {
  const { rows } = await sql<BindingChange>`with target as (
      select id, renewal_package_id as before from devices
      where id = any(${ids}::text[]) and renewal_package_id is distinct from ${packageId}::text for no key update)
    update devices d set renewal_package_id = ${packageId}, version = d.version + 1 from target t
    where d.id = t.id returning d.id, d.company_id, d.device_no, t.before`.execute(ex);
  return rows;
}

/** R18 in batch: every device of the type under the chosen tree, in one set-based statement. */
export async function bindRenewalByType(
  ex: Exec,
  p: Principal,
  w: DeviceWhere,
  type: string,
  packageId: string | null,
): Promise<BindingChange[]> {
  const { rows } = await sql<BindingChange>`with target as (
      select d.id, d.renewal_package_id as before from devices d
      where d.type = ${type} and ${where(p, w)} and d.renewal_package_id is distinct from ${packageId}::text
      for no key update)
    update devices d set renewal_package_id = ${packageId}, version = d.version + 1 from target t
    where d.id = t.id returning d.id, d.company_id, d.device_no, t.before`.execute(ex);
  return rows;
}

export interface ValueAddedChangeRow {
  device_id: string;
  company_id: string;
  package_id: string;
}

/** Adds each package to each device once (a repeat is no change); bumps the devices it touched. */
export async function addValueAdded(
  ex: Exec,
  ids: string[],
  packageIds: string[],
  at: Date,
): Promise<ValueAddedChangeRow[]> {
  const { rows } = await sql<ValueAddedChangeRow>`with added as (
      insert into device_value_added (device_id, company_id, package_id, created_at)
      select d.id, d.company_id, pk, ${at} from devices d cross join unnest(${packageIds}::text[]) pk
      where d.id = any(${ids}::text[])
      on conflict do nothing returning device_id, company_id, package_id),
    bumped as (update devices d set version = d.version + 1
      where d.id in (select device_id from added))
    select device_id, company_id, package_id from added`.execute(ex);
  return rows;
}

export async function removeValueAdded(
  ex: Exec,
  ids: string[],
  packageIds: string[],
): Promise<ValueAddedChangeRow[]> {
  const { rows } = await sql<ValueAddedChangeRow>`with removed as (
      delete from device_value_added where device_id = any(${ids}::text[])
        and package_id = any(${packageIds}::text[]) returning device_id, company_id, package_id),
    bumped as (update devices d set version = d.version + 1
      where d.id in (select device_id from removed))
    select device_id, company_id, package_id from removed`.execute(ex);
  return rows;
}

export interface StateChange {
  id: string;
  company_id: string;
  device_no: string;
}

/** R19: the devices not yet in `state` move to it, in one statement. */
export async function setStates(
  ex: Exec,
  ids: string[],
  state: DeviceState,
  at: Date,
): Promise<StateChange[]> {
  const { rows } = await sql<StateChange>`update devices d set state = ${state}, state_changed_at = ${at},
      version = d.version + 1 where d.id = any(${ids}::text[]) and d.state <> ${state}
    returning d.id, d.company_id, d.device_no`.execute(ex);
  return rows;
}

/** One device, version-checked: false when the version moved (or the device is out of scope). */
export async function setStateAt(
  ex: Exec,
  p: Principal,
  id: string,
  version: number,
  state: DeviceState,
  at: Date,
): Promise<boolean> {
  const r = await sql`update devices d set state = ${state}, state_changed_at = ${at}, version = d.version + 1
    where d.id = ${id} and d.version = ${version} and ${where(p, { rootId: null, depth: 'all' })}`.execute(
    ex,
  );
  return r.numAffectedRows === 1n;
}

/** R21 one device's expiry, version-checked: false when the version moved (or the device is out of scope). */
export async function setExpiryAt(
  ex: Exec,
  p: Principal,
  id: string,
  version: number,
  expiresOn: string,
): Promise<boolean> {
  const r = await sql`update devices d set expires_on = ${expiresOn}::date, version = d.version + 1
    where d.id = ${id} and d.version = ${version} and ${where(p, { rootId: null, depth: 'all' })}`.execute(
    ex,
  );
  return r.numAffectedRows === 1n;
}
