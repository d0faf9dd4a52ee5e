import type { Currency, DeviceOrderSource, DeviceOrderState, PaymentMethodName } from '@kaidan/shared';
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
import { inCompanyScope, inCompanyTree } from '../parties';
import type { CompanyWhere, RecordFilter } from './records-where';

// Device orders as records (R39, seed 003 订单记录): read-only SQL over the renewal slice's tables, which this
// module never writes. Every read is narrowed by parties' one scope rule on the order's company.

/** The company filter on a company column: the chosen company alone or with its tree (a null never matches). */
export function companyFilter(col: RawBuilder<unknown>, w: CompanyWhere): RawBuilder<unknown>[] {
  const out: RawBuilder<unknown>[] = [];
  if (w.companyId)
    out.push(w.depth === 'direct' ? sql`${col} = ${w.companyId}` : inCompanyTree(col, w.companyId));
  return out;
}

/**
 * Scope on a possibly-null company column: a row of a partner's wallet (no company) is seen by unscoped
 * staff only, since a scoped user's tree (ADR 0023) holds companies, not partners.
 */
export const scopeOnCompany = (p: Principal, col: RawBuilder<unknown>): RawBuilder<unknown> =>
  sql`coalesce(${inCompanyScope(p, col)}, false)`;

export interface DeviceOrderRow {
  id: string;
  number: string;
  company_id: string;
  company_name: string;
  partner_id: string | null;
  partner_name: string | null;
  source: DeviceOrderSource;
  state: DeviceOrderState;
  payment_method: PaymentMethodName;
  currency: Currency;
  months: number;
  device_count: number;
  total: bigint;
  value_added_total: bigint;
  created_at: Date;
  paid_at: Date | null;
  payment_due_at: Date | null;
}
export type DeviceOrderListRow = DeviceOrderRow & KeyedRow;

// The value-added share is the items' per-month value-added amounts times the months (migration 1600).
const COLS = sql`o.id, o.number, o.company_id, c.name_zh as company_name, c.partner_id,
  pt.name_zh as partner_name, o.source, o.state, o.payment_method, o.currency, o.months, o.device_count, o.total,
  coalesce((select sum(i.value_added_amount) from device_order_items i
    where i.order_id = o.id and i.value_added_amount > 0), 0)::int8
    * o.months as value_added_total,
  o.created_at, o.paid_at, o.payment_due_at`;
const FROM = sql`device_orders o join companies c on c.id = o.company_id
  left join partners pt on pt.id = c.partner_id`;

type OrderSortKey = 'created' | 'total' | 'paid';
const SORT: Sortable<OrderSortKey> = {
  created: { expr: sql`o.created_at`, type: 'timestamptz' },
  total: { expr: sql`o.total`, type: 'int8' },
  // Unpaid orders sort before every paid one (ascending).
  paid: { expr: sql`coalesce(o.paid_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
};

export interface DeviceOrderFilter extends RecordFilter<OrderSortKey> {
  state?: DeviceOrderState | undefined;
  source?: DeviceOrderSource | undefined;
}

export async function listDeviceOrders(
  ex: Exec,
  p: Principal,
  w: CompanyWhere,
  f: DeviceOrderFilter,
): Promise<DeviceOrderListRow[]> {
  const k = keyset('device_orders', SORT, { expr: sql`o.id`, type: 'text' }, f.sort, f.after);
  const conds = [inCompanyScope(p, sql.ref('o.company_id')), k.where, ...companyFilter(sql`o.company_id`, w)];
  if (f.partnerId) conds.push(sql`c.partner_id = ${f.partnerId}`);
  if (f.state) conds.push(sql`o.state = ${f.state}`);
  if (f.paymentMethod) conds.push(sql`o.payment_method = ${f.paymentMethod}`);
  if (f.currency) conds.push(sql`o.currency = ${f.currency}`);
  if (f.source) conds.push(sql`o.source = ${f.source}`);
  conds.push(...onBusinessDates(sql`o.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`o.number`]));
  const { rows } = await sql<DeviceOrderListRow>`select ${COLS}, ${k.select} from ${FROM}
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function deviceOrderInScope(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<DeviceOrderRow | undefined> {
  const { rows } = await sql<DeviceOrderRow>`select ${COLS} from ${FROM}
    where o.id = ${id} and ${inCompanyScope(p, sql.ref('o.company_id'))}`.execute(ex);
  return rows[0];
}

export interface DeviceOrderItemRow {
  device_id: string;
  device_no: string;
  device_type: string;
  company_id: string;
  /** null once the package was deleted: the item keeps the code it was sold under */
  package_id: string | null;
  package_code: string;
  package_name: string | null;
  renewal_amount: bigint;
  value_added_amount: bigint;
  amount: bigint;
  expires_before: string | null;
  expires_after: string | null;
}

// `device` walks the items' primary key (order_id, device_id), so a page of a 100 000-device order costs
// the same as one of a small order; `deviceNo` reads like the customer's list but sorts the whole order.
type ItemSortKey = 'device' | 'deviceNo';
const ITEM_SORT: Sortable<ItemSortKey> = {
  device: { expr: sql`i.device_id`, type: 'text' },
  deviceNo: { expr: sql`d.device_no`, type: 'text' },
};

/** One keyset page of an order's items (an order may hold 100 000 devices). */
export async function listDeviceOrderItems(
  ex: Exec,
  orderId: string,
  f: { q?: string | undefined; sort: SortParam<ItemSortKey>; after?: string | undefined; limit: number },
): Promise<(DeviceOrderItemRow & KeyedRow)[]> {
  const k = keyset(
    'device_order_items',
    ITEM_SORT,
    { expr: sql`i.device_id`, type: 'text' },
    f.sort,
    f.after,
  );
  const conds = [sql`i.order_id = ${orderId}`, k.where, ...textMatch(f.q, [sql`d.device_no`, sql`d.type`])];
  const { rows } = await sql<DeviceOrderItemRow & KeyedRow>`select i.device_id, d.device_no,
      d.type as device_type, i.company_id, i.package_id, i.package_code, pk.name_zh as package_name,
      i.renewal_amount, i.value_added_amount, i.amount, i.expires_before, i.expires_after, ${k.select}
    from device_order_items i join devices d on d.id = i.device_id
      left join device_packages pk on pk.id = i.package_id
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
