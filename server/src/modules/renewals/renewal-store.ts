import type { Currency } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { numberSql } from '../../platform/numbering-store';
import type { Principal } from '../../platform/principal';
import type { Actor } from '../audit/audit-store';
import { appendAuditSelect } from '../audit/audit-store';
import { inCompanyScope } from '../parties';
import type { DeviceOrderRow, DeviceOrderSource } from './renewal';

// The only SQL of device orders (R20). A batch of any size is a handful of set-based statements: one
// locking read of the devices with their prices, one insert of the order and its items, one update that
// extends every expiry and records it on the items, one insert of the trail rows.

/** A device as a renewal sees it, locked: its price per month and whether another order holds it. */
export interface RenewalDevice {
  id: string;
  device_no: string;
  company_id: string;
  state: string;
  expires_on: string | null;
  package_id: string | null;
  package_code: string | null;
  currency: Currency | null;
  renewal_amount: bigint | null;
  value_added_amount: bigint;
  /** value-added packages priced in another currency than the renewal package */
  value_added_foreign: number;
  /** the number of an order awaiting payment that already holds the device */
  open_number: string | null;
  /** the number of the latest order that paid for the device after `since` */
  renewed_number: string | null;
}

/**
 * The devices a renewal names, in the principal's scope, locked in id order (every renewal locks in the
 * same order, so two never deadlock). The lock is its own statement: under READ COMMITTED the read that
 * follows takes a new snapshot, so it sees what a renewal that held these rows before us committed.
 */
export async function lockRenewalDevices(ex: Exec, p: Principal, ids: string[]): Promise<number> {
  const r = await sql`select d.id from devices d
    where d.id = any(${ids}::text[]) and ${inCompanyScope(p, sql.ref('d.company_id'))}
    order by d.id for no key update of d`.execute(ex);
  return r.rows.length;
}

/** The locked devices with their prices, the open order holding each, and an order that paid since. */
export async function renewalDevices(
  ex: Exec,
  p: Principal,
  ids: string[],
  now: Date,
  since: Date | null,
): Promise<RenewalDevice[]> {
  const { rows } = await sql<RenewalDevice>`select d.id, d.device_no, d.company_id, d.state,
      d.expires_on::text as expires_on, d.renewal_package_id as package_id, pk.code as package_code, pk.currency,
      pk.amount as renewal_amount, coalesce(va.amount, 0)::bigint as value_added_amount,
      coalesce(va.foreign_n, 0)::int as value_added_foreign,
      (select o.number from device_order_items i join device_orders o on o.id = i.order_id
        where i.device_id = d.id and i.open and o.payment_due_at > ${now} limit 1) as open_number,
      ${
        since
          ? sql`(select o.number from device_order_items i join device_orders o on o.id = i.order_id
        where i.device_id = d.id and o.state = 'paid' and o.paid_at >= ${since}
        order by o.paid_at desc limit 1)`
          : sql`null::text`
      } as renewed_number
    from devices d
    left join device_packages pk on pk.id = d.renewal_package_id
    left join lateral (select sum(vp.amount) filter (where vp.currency = pk.currency) as amount,
        count(*) filter (where vp.currency <> pk.currency) as foreign_n
      from device_value_added v join device_packages vp on vp.id = v.package_id
      where v.device_id = d.id) va on true
    where d.id = any(${ids}::text[]) and ${inCompanyScope(p, sql.ref('d.company_id'))}
    order by d.id`.execute(ex);
  return rows;
}

/** Orders past their deadline that still hold some of these devices expire and let go of them. */
export async function releaseOverdue(ex: Exec, ids: string[], now: Date): Promise<void> {
  await sql`with due as (
      update device_orders o set state = 'expired', closed_at = ${now}, version = o.version + 1
      where o.state = 'awaiting_payment' and o.payment_due_at <= ${now}
        and o.id in (select i.order_id from device_order_items i
          where i.open and i.device_id = any(${ids}::text[]))
      returning o.id)
    update device_order_items i set open = false from due where i.order_id = due.id`.execute(ex);
}

export interface NewDeviceOrder {
  id: string;
  company_id: string;
  source: DeviceOrderSource;
  months: number;
  currency: Currency;
  total: bigint;
  payment_method: DeviceOrderRow['payment_method'];
  payment_due_at: Date | null;
  created_by: string | null;
  created_at: Date;
}

const ORDER_COLS = sql`id, number, company_id, source, months, currency, total, device_count, state,
  payment_method, payment_due_at, created_by, created_at, paid_at, closed_at, version`;

/** The order and one item per device in one statement; the items hold their devices while unpaid. */
export async function insertDeviceOrder(
  ex: Exec,
  clock: Clock,
  o: NewDeviceOrder,
  items: RenewalDevice[],
): Promise<DeviceOrderRow> {
  const col = <K extends keyof RenewalDevice>(k: K) => items.map((d) => String(d[k] ?? ''));
  const { rows } = await sql<DeviceOrderRow>`with o as (
      insert into device_orders (id, number, company_id, source, months, currency, total, device_count, state,
        payment_method, payment_due_at, created_by, created_at)
      values (${o.id}, ${numberSql(clock, 'device_order', 'RN')}, ${o.company_id}, ${o.source}, ${o.months},
        ${o.currency}, ${o.total}, ${items.length}, 'awaiting_payment', ${o.payment_method},
        ${o.payment_due_at}, ${o.created_by}, ${o.created_at})
      returning ${ORDER_COLS}),
    i as (insert into device_order_items (order_id, device_id, company_id, package_id, package_code,
        renewal_amount, value_added_amount, amount, open)
      select ${o.id}, u.device_id, u.company_id, u.package_id, u.package_code, u.ra, u.va,
        (u.ra + u.va) * ${o.months}, true
      from unnest(${col('id')}::text[], ${col('company_id')}::text[], ${col('package_id')}::text[],
        ${col('package_code')}::text[], ${col('renewal_amount')}::bigint[], ${col('value_added_amount')}::bigint[])
        as u (device_id, company_id, package_id, package_code, ra, va))
    select * from o`.execute(ex);
  const row = rows[0];
  if (!row) throw new Error('device order insert returned nothing');
  return row;
}

export async function lockDeviceOrder(ex: Exec, id: string): Promise<DeviceOrderRow | undefined> {
  const { rows } = await sql<DeviceOrderRow>`select ${ORDER_COLS} from device_orders where id = ${id}
    for update`.execute(ex);
  return rows[0];
}

/** A device order the principal may see: its company is in scope. */
export async function findDeviceOrder(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<DeviceOrderRow | undefined> {
  const { rows } = await sql<DeviceOrderRow>`select ${ORDER_COLS} from device_orders o
    where o.id = ${id} and ${inCompanyScope(p, sql.ref('o.company_id'))}`.execute(ex);
  return rows[0];
}

/** awaiting_payment → paid, conditionally: whoever comes second (a racing job, a redelivery) gets nothing. */
export async function markDeviceOrderPaid(
  ex: Exec,
  id: string,
  method: DeviceOrderRow['payment_method'],
  now: Date,
): Promise<boolean> {
  const r = await sql`update device_orders set state = 'paid', paid_at = ${now}, payment_method = ${method},
      version = version + 1
    where id = ${id} and state = 'awaiting_payment'`.execute(ex);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

/** awaiting_payment → expired at its deadline; its items let go of their devices. */
export async function expireDeviceOrder(ex: Exec, id: string, now: Date): Promise<boolean> {
  const { rows } = await sql<{ n: number }>`with e as (
      update device_orders set state = 'expired', closed_at = ${now}, version = version + 1
      where id = ${id} and state = 'awaiting_payment' and payment_due_at <= ${now} returning id),
    u as (update device_order_items i set open = false from e where i.order_id = e.id)
    select count(*)::int as n from e`.execute(ex);
  return (rows[0]?.n ?? 0) > 0;
}

export async function setDeviceOrderMethod(
  ex: Exec,
  id: string,
  method: DeviceOrderRow['payment_method'],
): Promise<void> {
  await sql`update device_orders set payment_method = ${method}, version = version + 1
    where id = ${id} and state = 'awaiting_payment'`.execute(ex);
}

/**
 * R20: every device of a paid order gets max(expiry, today) + months — PostgreSQL's date + interval
 * clamps to the month's last day — and its item records the expiry before and after (the entitlement event
 * naming the order). The devices table joined again reads each row as it was before this update.
 */
export async function extendDevices(
  ex: Exec,
  orderId: string,
  months: number,
  today: string,
): Promise<number> {
  const r = await sql`with x as (
      update devices d
      set expires_on = (greatest(coalesce(was.expires_on, ${today}::date), ${today}::date)
          + make_interval(months => ${months}))::date,
        version = d.version + 1
      from device_order_items i join devices was on was.id = i.device_id
      where i.order_id = ${orderId} and d.id = i.device_id
      returning d.id, was.expires_on as before, d.expires_on as after)
    update device_order_items i set open = false, expires_before = x.before, expires_after = x.after
    from x where i.order_id = ${orderId} and i.device_id = x.id`.execute(ex);
  return Number(r.numAffectedRows ?? 0n);
}

/** One trail row per renewed device, in one statement (R40). */
export async function auditRenewedDevices(
  ex: Exec,
  clock: Clock,
  actor: Actor,
  order: Pick<DeviceOrderRow, 'id' | 'number' | 'months'>,
): Promise<number> {
  return appendAuditSelect(
    ex,
    clock,
    actor,
    { objectType: 'device', action: 'renew', reason: `R20 ${order.number}` },
    sql`select i.device_id as object_id, null::text as state_before, null::text as state_after,
        jsonb_build_object('expiresOn', i.expires_before) as before,
        jsonb_build_object('expiresOn', i.expires_after, 'orderId', ${order.id}::text,
          'orderNumber', ${order.number}::text, 'months', ${order.months}::int) as after
      from device_order_items i where i.order_id = ${order.id}`,
  );
}

/** Deactivated devices on an order: a wallet payment names them instead of charging for them (R19). */
export async function deactivatedOnOrder(ex: Exec, orderId: string): Promise<string[]> {
  const { rows } = await sql<{ device_no: string }>`select d.device_no from device_order_items i
    join devices d on d.id = i.device_id
    where i.order_id = ${orderId} and d.state = 'deactivated' order by d.device_no limit 200`.execute(ex);
  return rows.map((r) => r.device_no);
}

export interface DeviceOrderItemRow {
  device_id: string;
  device_no: string;
  type: string;
  company_id: string;
  package_code: string;
  renewal_amount: bigint;
  value_added_amount: bigint;
  amount: bigint;
  expires_on: string | null;
  expires_before: string | null;
  expires_after: string | null;
}

/** The first items of an order, for its confirmation and pay screens (the records module pages them). */
export async function itemsOf(ex: Exec, orderId: string, limit: number): Promise<DeviceOrderItemRow[]> {
  const { rows } = await sql<DeviceOrderItemRow>`select i.device_id, d.device_no, d.type, i.company_id,
      i.package_code, i.renewal_amount, i.value_added_amount, i.amount,
      d.expires_on::text as expires_on, i.expires_before::text as expires_before,
      i.expires_after::text as expires_after
    from device_order_items i join devices d on d.id = i.device_id
    where i.order_id = ${orderId} order by d.device_no limit ${limit}`.execute(ex);
  return rows;
}

/**
 * R38 auto-renew: a company's own active devices, bound to a package of `currency`, expiring from `from`
 * through `to` and on no order awaiting payment — what the daily job renews from the wallet.
 */
export async function devicesDueForAutoRenew(
  ex: Exec,
  companyId: string,
  from: string,
  to: string,
  now: Date,
): Promise<{ id: string; currency: Currency }[]> {
  const { rows } = await sql<{ id: string; currency: Currency }>`select d.id, pk.currency from devices d
    join device_packages pk on pk.id = d.renewal_package_id
    where d.company_id = ${companyId} and d.state = 'active'
      and d.expires_on between ${from}::date and ${to}::date
      and not exists (select 1 from device_order_items i join device_orders o on o.id = i.order_id
        where i.device_id = d.id and i.open and o.payment_due_at > ${now})
    order by d.id`.execute(ex);
  return rows;
}
