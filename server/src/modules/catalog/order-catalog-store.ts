import type { Currency, OrderType, SalesChannel } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

export type { OrderType, SalesChannel };

export interface ProductRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  kind: 'seat_app' | 'device_plan' | 'quota_feature' | 'service';
  channels: SalesChannel[];
  state: 'active' | 'retired';
}

export interface PlanRow {
  id: string;
  product_id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  kind: 'edition' | 'addon' | 'pass_through' | 'bundle' | 'service';
  pricing_method: 'seat_year' | 'seat_day' | 'device_month' | 'unit' | 'flat';
  duration_rule: 'days' | 'calendar';
  seat_min: number;
  seat_max: number | null;
  pass_through: boolean;
  refundable: boolean;
  valid_from: string | null;
  valid_to: string | null;
}

export async function productById(ex: Exec, id: string): Promise<ProductRow | undefined> {
  const { rows } = await sql<ProductRow>`select id, code, name_zh, name_en, kind, channels, state
    from products where id = ${id}`.execute(ex);
  return rows[0];
}

export async function plansByIds(ex: Exec, ids: string[]): Promise<PlanRow[]> {
  if (ids.length === 0) return [];
  const { rows } = await sql<PlanRow>`select id, product_id, code, name_zh, name_en, kind, pricing_method,
      duration_rule, seat_min, seat_max, pass_through, refundable, valid_from, valid_to
    from plans where id in (${sql.join(ids)})`.execute(ex);
  return rows;
}

/** The tier price: the row with the greatest min_seats ≤ seats. */
export async function tierPrice(
  ex: Exec,
  planId: string,
  currency: Currency,
  seats: number,
): Promise<bigint | undefined> {
  const { rows } = await sql<{ unit_amount: bigint }>`select unit_amount from plan_prices
    where plan_id = ${planId} and currency = ${currency} and min_seats <= ${seats}
    order by min_seats desc limit 1`.execute(ex);
  return rows[0]?.unit_amount;
}

/** Tier prices for several lines in one statement; undefined where the plan has no price. */
export async function tierPrices(
  ex: Exec,
  currency: Currency,
  items: { planId: string; seats: number }[],
): Promise<(bigint | undefined)[]> {
  if (items.length === 0) return [];
  const wanted = items.map((it, i) => sql`(${i}::int, ${it.planId}::text, ${it.seats}::int)`);
  const { rows } = await sql<{
    i: number;
    unit_amount: bigint | null;
  }>`select w.i, (select pp.unit_amount from plan_prices pp
      where pp.plan_id = w.plan_id and pp.currency = ${currency} and pp.min_seats <= w.seats
      order by pp.min_seats desc limit 1) as unit_amount
    from (values ${sql.join(wanted)}) as w(i, plan_id, seats)`.execute(ex);
  const out: (bigint | undefined)[] = items.map(() => undefined);
  for (const r of rows) out[r.i] = r.unit_amount ?? undefined;
  return out;
}

/** The product and its review mode for one order type and channel, in one statement. */
export async function productWithPolicy(
  ex: Exec,
  id: string,
  orderType: OrderType,
  channel: SalesChannel,
): Promise<(ProductRow & { mode: 'auto' | 'manual' | null }) | undefined> {
  const { rows } = await sql<
    ProductRow & { mode: 'auto' | 'manual' | null }
  >`select p.id, p.code, p.name_zh, p.name_en, p.kind,
      p.channels, p.state, rp.mode
    from products p left join review_policies rp on rp.product_id = p.id and rp.order_type = ${orderType} and rp.channel = ${channel}
    where p.id = ${id}`.execute(ex);
  return rows[0];
}

export async function policyMode(
  ex: Exec,
  productId: string,
  orderType: OrderType,
  channel: SalesChannel,
): Promise<'auto' | 'manual' | undefined> {
  const { rows } = await sql<{ mode: 'auto' | 'manual' }>`select mode from review_policies
    where product_id = ${productId} and order_type = ${orderType} and channel = ${channel}`.execute(ex);
  return rows[0]?.mode;
}

export interface PriceTier {
  plan_id: string;
  min_seats: number;
  unit_amount: bigint;
}

/** What an order reads of the catalog, in one statement (issue #11): product, review mode, plans, tiers. */
export async function catalogForOrder(
  ex: Exec,
  productId: string,
  orderType: OrderType,
  channel: SalesChannel,
  planIds: string[],
  currency: Currency,
): Promise<
  (ProductRow & { mode: 'auto' | 'manual' | null; plans: PlanRow[]; tiers: PriceTier[] }) | undefined
> {
  const ids = planIds.length > 0 ? sql.join(planIds) : sql`null`;
  const { rows } = await sql<
    ProductRow & {
      mode: 'auto' | 'manual' | null;
      plans: PlanRow[];
      tiers: { plan_id: string; min_seats: number; unit_amount: string }[];
    }
  >`select p.id, p.code, p.name_zh, p.name_en, p.kind, p.channels, p.state, rp.mode,
      (select coalesce(json_agg(json_build_object('id', pl.id, 'product_id', pl.product_id, 'code', pl.code,
          'name_zh', pl.name_zh, 'name_en', pl.name_en, 'kind', pl.kind, 'pricing_method', pl.pricing_method,
          'duration_rule', pl.duration_rule, 'seat_min', pl.seat_min, 'seat_max', pl.seat_max,
          'pass_through', pl.pass_through, 'refundable', pl.refundable, 'valid_from', pl.valid_from,
          'valid_to', pl.valid_to)), '[]'::json)
        from plans pl where pl.id in (${ids})) as plans,
      (select coalesce(json_agg(json_build_object('plan_id', pp.plan_id, 'min_seats', pp.min_seats,
          'unit_amount', pp.unit_amount::text)), '[]'::json)
        from plan_prices pp where pp.plan_id in (${ids}) and pp.currency = ${currency}) as tiers
    from products p left join review_policies rp on rp.product_id = p.id and rp.order_type = ${orderType}
      and rp.channel = ${channel}
    where p.id = ${productId}`.execute(ex);
  const row = rows[0];
  if (!row) return undefined;
  return { ...row, tiers: row.tiers.map((t) => ({ ...t, unit_amount: BigInt(t.unit_amount) })) };
}
