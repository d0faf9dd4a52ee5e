import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import type { BundleItemInput, PlanFields, PolicyInput, ProductFields } from './catalog';
import type { PlanRow, ProductRow } from './order-catalog-store';
import type { PriceRow } from './price-list';

// The admin side of the catalog: products, plans, their price lists, bundle items and review policies.
// Versioned rows change through `where id = … and version = …`; false means someone else got there first.

export type ProductDetailRow = ProductRow & {
  category: string | null;
  subcategory: string | null;
  created_at: Date;
  version: number;
};
export type PlanDetailRow = PlanRow & { created_at: Date; version: number };
export interface BundleItemRow {
  bundle_plan_id: string;
  item_plan_id: string;
  seats_per_bundle: number;
}
export interface PolicyRow {
  order_type: PolicyInput['orderType'];
  channel: PolicyInput['channel'];
  mode: PolicyInput['mode'];
}

const PRODUCT_COLS = sql`id, code, name_zh, name_en, kind, category, subcategory, channels, state, created_at, version`;
const PLAN_COLS = sql`id, product_id, code, name_zh, name_en, kind, pricing_method, duration_rule, seat_min, seat_max,
  pass_through, refundable, valid_from, valid_to, created_at, version`;

export type ProductSort = SortParam<'created' | 'code' | 'name'>;
const PRODUCT_SORT: Sortable<'created' | 'code' | 'name'> = {
  created: { expr: sql`created_at`, type: 'timestamptz' },
  code: { expr: sql`code`, type: 'text' },
  name: { expr: sql`name_zh`, type: 'text' },
};
const PRODUCT_ID = { expr: sql`id`, type: 'text' } as const;

export interface ProductFilter {
  kind?: string | undefined;
  state?: string | undefined;
  category?: string | undefined;
  /** code or name (zh or en) */
  q?: string | undefined;
  /** business dates (Asia/Shanghai) of creation, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  sort?: ProductSort | undefined;
  /** opaque keyset cursor from the previous page */
  after?: string | undefined;
  limit: number;
}

export type ProductListRow = ProductDetailRow & KeyedRow;

export async function listProducts(ex: Exec, f: ProductFilter): Promise<ProductListRow[]> {
  const page = keyset('products', PRODUCT_SORT, PRODUCT_ID, f.sort ?? 'code', f.after);
  const conds = [page.where];
  if (f.kind) conds.push(sql`kind = ${f.kind}`);
  if (f.state) conds.push(sql`state = ${f.state}`);
  if (f.category) conds.push(sql`category = ${f.category}`);
  conds.push(...onBusinessDates(sql`created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`code`, sql`name_zh`, sql`coalesce(name_en, '')`]));
  const { rows } = await sql<ProductListRow>`select ${PRODUCT_COLS}, ${page.select} from products
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function productDetail(ex: Exec, id: string): Promise<ProductDetailRow | undefined> {
  const { rows } = await sql<ProductDetailRow>`select ${PRODUCT_COLS} from products where id = ${id}`.execute(
    ex,
  );
  return rows[0];
}

export async function productCodeTaken(ex: Exec, code: string): Promise<boolean> {
  const { rows } = await sql`select 1 from products where code = ${code}`.execute(ex);
  return rows.length > 0;
}

export async function insertProduct(
  ex: Exec,
  row: ProductFields & { id: string; kind: ProductRow['kind']; created_at: Date },
): Promise<void> {
  await sql`insert into products (id, code, name_zh, name_en, kind, category, subcategory, channels, state, created_at)
    values (${row.id}, ${row.code}, ${row.name_zh}, ${row.name_en}, ${row.kind}, ${row.category}, ${row.subcategory},
      ${sql.val(row.channels)}::text[], ${row.state}, ${row.created_at})`.execute(ex);
}

export async function updateProduct(
  ex: Exec,
  id: string,
  version: number,
  f: ProductFields,
): Promise<boolean> {
  const r =
    await sql`update products set name_zh = ${f.name_zh}, name_en = ${f.name_en}, category = ${f.category},
      subcategory = ${f.subcategory}, channels = ${sql.val(f.channels)}::text[], state = ${f.state}, version = version + 1
    where id = ${id} and version = ${version}`.execute(ex);
  return r.numAffectedRows === 1n;
}

export async function bumpProduct(ex: Exec, id: string, version: number): Promise<boolean> {
  const r =
    await sql`update products set version = version + 1 where id = ${id} and version = ${version}`.execute(
      ex,
    );
  return r.numAffectedRows === 1n;
}

export async function plansOfProduct(ex: Exec, productId: string): Promise<PlanDetailRow[]> {
  const { rows } = await sql<PlanDetailRow>`select ${PLAN_COLS} from plans
    where product_id = ${productId} order by code`.execute(ex);
  return rows;
}

export async function planDetail(ex: Exec, id: string): Promise<PlanDetailRow | undefined> {
  const { rows } = await sql<PlanDetailRow>`select ${PLAN_COLS} from plans where id = ${id}`.execute(ex);
  return rows[0];
}

export async function planCodeTaken(ex: Exec, productId: string, code: string): Promise<boolean> {
  const { rows } = await sql`select 1 from plans where product_id = ${productId} and code = ${code}`.execute(
    ex,
  );
  return rows.length > 0;
}

export async function insertPlan(
  ex: Exec,
  r: PlanFields & { id: string; product_id: string; created_at: Date },
): Promise<void> {
  await sql`insert into plans (id, product_id, code, name_zh, name_en, kind, pricing_method, duration_rule, seat_min,
      seat_max, pass_through, refundable, valid_from, valid_to, created_at)
    values (${r.id}, ${r.product_id}, ${r.code}, ${r.name_zh}, ${r.name_en}, ${r.kind}, ${r.pricing_method},
      ${r.duration_rule}, ${r.seat_min}, ${r.seat_max}, ${r.pass_through}, ${r.refundable}, ${r.valid_from}::date,
      ${r.valid_to}::date, ${r.created_at})`.execute(ex);
}

export async function updatePlan(ex: Exec, id: string, version: number, f: PlanFields): Promise<boolean> {
  const r =
    await sql`update plans set name_zh = ${f.name_zh}, name_en = ${f.name_en}, duration_rule = ${f.duration_rule},
      seat_min = ${f.seat_min}, seat_max = ${f.seat_max}, pass_through = ${f.pass_through}, refundable = ${f.refundable},
      valid_from = ${f.valid_from}::date, valid_to = ${f.valid_to}::date, version = version + 1
    where id = ${id} and version = ${version}`.execute(ex);
  return r.numAffectedRows === 1n;
}

export async function bumpPlan(ex: Exec, id: string, version: number): Promise<boolean> {
  const r =
    await sql`update plans set version = version + 1 where id = ${id} and version = ${version}`.execute(ex);
  return r.numAffectedRows === 1n;
}

export async function pricesOf(ex: Exec, planIds: string[]): Promise<PriceRow[]> {
  if (planIds.length === 0) return [];
  const { rows } = await sql<PriceRow>`select plan_id, currency, min_seats, unit_amount from plan_prices
    where plan_id in (${sql.join(planIds)}) order by plan_id, currency, min_seats`.execute(ex);
  return rows;
}

export async function replacePrices(ex: Exec, planId: string, rows: PriceRow[]): Promise<void> {
  await sql`delete from plan_prices where plan_id = ${planId}`.execute(ex);
  if (rows.length === 0) return;
  const values = rows.map((r) => sql`(${planId}, ${r.currency}, ${r.min_seats}, ${r.unit_amount})`);
  await sql`insert into plan_prices (plan_id, currency, min_seats, unit_amount) values ${sql.join(values)}`.execute(
    ex,
  );
}

export async function bundleItemsOf(ex: Exec, planIds: string[]): Promise<BundleItemRow[]> {
  if (planIds.length === 0) return [];
  const { rows } =
    await sql<BundleItemRow>`select bundle_plan_id, item_plan_id, seats_per_bundle from bundle_items
    where bundle_plan_id in (${sql.join(planIds)}) order by bundle_plan_id, item_plan_id`.execute(ex);
  return rows;
}

export async function replaceBundleItems(ex: Exec, planId: string, items: BundleItemInput[]): Promise<void> {
  await sql`delete from bundle_items where bundle_plan_id = ${planId}`.execute(ex);
  if (items.length === 0) return;
  const values = items.map((i) => sql`(${planId}, ${i.planId}, ${i.seatsPerBundle})`);
  await sql`insert into bundle_items (bundle_plan_id, item_plan_id, seats_per_bundle) values ${sql.join(values)}`.execute(
    ex,
  );
}

export async function policiesOf(ex: Exec, productId: string): Promise<PolicyRow[]> {
  const { rows } = await sql<PolicyRow>`select order_type, channel, mode from review_policies
    where product_id = ${productId} order by order_type, channel`.execute(ex);
  return rows;
}

export async function replacePolicies(ex: Exec, productId: string, policies: PolicyInput[]): Promise<void> {
  await sql`delete from review_policies where product_id = ${productId}`.execute(ex);
  if (policies.length === 0) return;
  const values = policies.map((p) => sql`(${productId}, ${p.orderType}, ${p.channel}, ${p.mode})`);
  await sql`insert into review_policies (product_id, order_type, channel, mode) values ${sql.join(values)}`.execute(
    ex,
  );
}
