import { newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import { numberSql } from '../../platform/numbering-store';
import type { Principal } from '../../platform/principal';
import { transition } from '../../platform/state-machine';
import { inCompanyScope } from '../parties';
import { ORDER_LIFECYCLE, type OrderLineRow, type OrderRow, type OrderState } from './order';

const COLS = sql`o.id, o.number, o.channel, o.order_type, o.partner_id, o.company_id, o.product_id, o.currency,
  o.total, o.effective_date, o.coterm_to, o.state, o.settled_offline_at, o.created_by, o.created_at,
  o.submitted_at, o.received_at, o.contract_arrived_at, o.decided_by, o.decided_at, o.paid_at,
  o.decision_comment, o.version, o.received_by, o.archived_at, o.rename_to_zh, o.rename_to_en,
  o.payment_method, o.payment_due_at`;
/** Who took the order (R5); a scalar subquery so `findOrder … for update` stays one statement. */
const RECEIVER = sql`(select u.name from users u where u.id = o.received_by) as received_by_name`;

/** Who took an order into work, with the name the queue shows. */
export interface Receipt {
  received_by?: string | null;
  received_by_name?: string | null;
}

/**
 * DESIGN §1: an order is seen by whoever sees its company, so after a transfer (R17) the new owner sees
 * the customer's history and the old partner no longer does.
 */
export const orderScope = (p: Principal): RawBuilder<unknown> => inCompanyScope(p, sql.ref('o.company_id'));

export type NewLine = Omit<OrderLineRow, 'id' | 'order_id' | 'refunded'>;

/**
 * Writes a new order with its lines in one statement and draws its number there (SO-YYYYMMDD-NNNNNN):
 * a draft, submitted, or — auto-approved in the transaction that places it — already paid (ADR 0015).
 */
export async function insertOrder(
  ex: Exec,
  clock: Clock,
  o: Omit<OrderRow, 'number'>,
  lines: NewLine[],
): Promise<{ number: string; lineIds: string[] }> {
  const ms = clock.now().epochMilliseconds;
  const lineIds = lines.map(() => newId('oln', ms));
  const values = lines.map(
    (l, i) => sql`(${lineIds[i]}, ${o.id}, ${l.line_no}, ${l.plan_id}, ${l.seats}, ${l.duration_unit},
      ${l.duration_value}, ${l.days}, ${l.period_start}::date, ${l.period_end}::date, ${l.unit_amount}::bigint,
      ${l.amount}::bigint, ${l.pass_through}, ${l.refundable})`,
  );
  const { rows } = await sql<{ number: string }>`with o as (
      insert into orders (id, number, channel, order_type, partner_id, company_id, product_id, currency, total,
        effective_date, coterm_to, state, created_by, created_at, submitted_at, decided_by, decided_at,
        decision_comment, paid_at, payment_method, payment_due_at)
      values (${o.id}, ${numberSql(clock, 'order', 'SO')}, ${o.channel}, ${o.order_type}, ${o.partner_id},
        ${o.company_id}, ${o.product_id}, ${o.currency}, ${o.total}, ${o.effective_date}, ${o.coterm_to},
        ${o.state}, ${o.created_by}, ${o.created_at}, ${o.submitted_at}, ${o.decided_by}, ${o.decided_at},
        ${o.decision_comment}, ${o.paid_at}, ${o.payment_method}, ${o.payment_due_at})
      returning number),
    l as (insert into order_lines (id, order_id, line_no, plan_id, seats, duration_unit, duration_value, days,
      period_start, period_end, unit_amount, amount, pass_through, refundable) values ${sql.join(values)})
    select number from o`.execute(ex);
  const number = rows[0]?.number;
  if (!number) throw new Error('order not inserted');
  return { number, lineIds };
}

export async function findOrder(
  ex: Exec,
  p: Principal,
  id: string,
  lock = false,
): Promise<(OrderRow & Receipt) | undefined> {
  const { rows } = await sql<OrderRow & Receipt>`select ${COLS}, ${RECEIVER} from orders o
    where o.id = ${id} and ${orderScope(p)} and o.state <> 'deleted' ${lock ? sql`for update` : sql``}`.execute(
    ex,
  );
  return rows[0];
}

export async function linesOf(ex: Exec, orderIds: string[]): Promise<OrderLineRow[]> {
  if (orderIds.length === 0) return [];
  const { rows } = await sql<OrderLineRow>`select id, order_id, line_no, plan_id, seats, duration_unit,
      duration_value, days, period_start, period_end, unit_amount, amount, pass_through, refundable, refunded
    from order_lines where order_id in (${sql.join(orderIds)}) order by order_id, line_no`.execute(ex);
  return rows;
}

export interface OrderFilter {
  state?: OrderState | undefined;
  companyId?: string | undefined;
  partnerId?: string | undefined;
  orderType?: OrderRow['order_type'] | undefined;
  currency?: OrderRow['currency'] | undefined;
  /** order number, customer name or tenant id */
  q?: string | undefined;
  /** business dates (Asia/Shanghai) of creation, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  sort?: OrderSort | undefined;
  /** opaque keyset cursor from the previous page */
  after?: string | undefined;
  limit: number;
}

export type OrderSort = SortParam<'created' | 'amount' | 'state'>;
const ORDER_SORT: Sortable<'created' | 'amount' | 'state'> = {
  created: { expr: sql`o.created_at`, type: 'timestamptz' },
  amount: { expr: sql`o.total`, type: 'int8' },
  state: { expr: sql`o.state`, type: 'text' },
};
const ORDER_ID = { expr: sql`o.id`, type: 'text' } as const;

export type OrderListRow = OrderRow & Receipt & KeyedRow & { company_name: string; tenant_id: string | null };

export async function listOrders(ex: Exec, p: Principal, f: OrderFilter): Promise<OrderListRow[]> {
  const page = keyset('orders', ORDER_SORT, ORDER_ID, f.sort ?? '-created', f.after);
  const conds = [orderScope(p), sql`o.state <> 'deleted'`, page.where];
  if (f.state) conds.push(sql`o.state = ${f.state}`);
  if (f.companyId) conds.push(sql`o.company_id = ${f.companyId}`);
  if (f.partnerId) conds.push(sql`o.partner_id = ${f.partnerId}`);
  if (f.orderType) conds.push(sql`o.order_type = ${f.orderType}`);
  if (f.currency) conds.push(sql`o.currency = ${f.currency}`);
  conds.push(...onBusinessDates(sql`o.created_at`, f.from, f.to));
  conds.push(
    ...textMatch(f.q, [
      sql`o.number`,
      sql`c.name_zh`,
      sql`coalesce(c.name_en, '')`,
      sql`coalesce(c.tenant_id, '')`,
    ]),
  );
  const { rows } =
    await sql<OrderListRow>`select ${COLS}, c.name_zh as company_name, c.tenant_id, ru.name as received_by_name,
      ${page.select}
    from orders o join companies c on c.id = o.company_id left join users ru on ru.id = o.received_by where ${sql.join(conds, sql` and `)}
    order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export function moveOrder(
  ex: Exec,
  id: string,
  from: OrderState | OrderState[],
  to: OrderState,
  set?: Record<string, unknown>,
): Promise<boolean> {
  return transition(ex, { table: 'orders', id, from, to, machine: ORDER_LIFECYCLE, ...(set ? { set } : {}) });
}

export async function setLinePeriod(ex: Exec, lineId: string, start: string, end: string): Promise<void> {
  await sql`update order_lines set period_start = ${start}, period_end = ${end} where id = ${lineId}`.execute(
    ex,
  );
}

/** Invariant 3: the CHECK (refunded ≤ amount) and this guard keep a line from being refunded twice. */
export async function addRefunded(ex: Exec, lineId: string, amount: bigint): Promise<boolean> {
  const res = await sql`update order_lines set refunded = refunded + ${amount}
    where id = ${lineId} and refunded + ${amount} <= amount`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

export async function markSettledOffline(ex: Exec, clock: Clock, id: string): Promise<boolean> {
  const res = await sql`update orders set settled_offline_at = ${toDate(clock.now())}, version = version + 1
    where id = ${id} and state = 'paid' and settled_offline_at is null`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

export async function markReceived(ex: Exec, clock: Clock, id: string, by: string | null): Promise<boolean> {
  const res = await sql`update orders set received_at = ${toDate(clock.now())}, received_by = ${by},
      version = version + 1
    where id = ${id} and state in ('submitted', 'approved') and received_at is null`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** R5: only an unpaid order's arrival can be cancelled; false when there is none to cancel. */
export async function clearContractArrived(ex: Exec, id: string): Promise<boolean> {
  const res = await sql`update orders set contract_arrived_at = null, version = version + 1
    where id = ${id} and contract_arrived_at is not null and archived_at is null
      and state in ('submitted', 'approved')`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** R7: conditional on the rule (a renewal, draft or submitted), so an approval in between wins. */
export async function setRenameTo(
  ex: Exec,
  id: string,
  nameZh: string,
  nameEn: string | null,
): Promise<boolean> {
  const res =
    await sql`update orders set rename_to_zh = ${nameZh}, rename_to_en = ${nameEn}, version = version + 1
    where id = ${id} and order_type = 'renew' and state in ('draft', 'submitted')`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/** R5: conditional on the rule (contract arrived, not yet archived, a live order), so a race archives once. */
export async function markArchived(ex: Exec, clock: Clock, id: string, by: string | null): Promise<boolean> {
  const res = await sql`update orders set archived_at = ${toDate(clock.now())}, archived_by = ${by},
    version = version + 1
    where id = ${id} and archived_at is null and contract_arrived_at is not null
      and state in ('submitted', 'approved', 'paid')`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

export async function markContractArrived(ex: Exec, clock: Clock, id: string): Promise<void> {
  await sql`update orders set contract_arrived_at = ${toDate(clock.now())}, version = version + 1
    where id = ${id}`.execute(ex);
}

export interface OrderLabels {
  company_name: string;
  tenant_id: string | null;
  product_name_zh: string;
  product_name_en: string | null;
  plans: { id: string; name_zh: string; name_en: string | null }[];
}

/** The names an order screen shows next to its ids, in one statement. */
export async function orderLabels(ex: Exec, orderId: string): Promise<OrderLabels | undefined> {
  const { rows } = await sql<OrderLabels>`select c.name_zh as company_name, c.tenant_id,
      p.name_zh as product_name_zh, p.name_en as product_name_en,
      (select coalesce(json_agg(json_build_object('id', pl.id, 'name_zh', pl.name_zh, 'name_en', pl.name_en)
        order by l.line_no), '[]') from order_lines l join plans pl on pl.id = l.plan_id where l.order_id = o.id) as plans
    from orders o join companies c on c.id = o.company_id join products p on p.id = o.product_id
    where o.id = ${orderId}`.execute(ex);
  return rows[0];
}

/** R17: the customer's orders still waiting for a decision (a transfer waits for them), oldest first. */
export async function undecidedOrdersOf(
  ex: Exec,
  companyId: string,
): Promise<{ id: string; number: string }[]> {
  const { rows } = await sql<{ id: string; number: string }>`select id, number from orders
    where company_id = ${companyId} and state in ('draft', 'submitted', 'approved')
    order by created_at, id`.execute(ex);
  return rows;
}

/** The order under a row lock, whoever's scope (settlement and the due job act for the system). */
export async function lockOrderById(ex: Exec, id: string): Promise<OrderRow | undefined> {
  const { rows } = await sql<OrderRow>`select ${COLS} from orders o where o.id = ${id} for update`.execute(
    ex,
  );
  return rows[0];
}

/** R28: the payer switches between the methods offered while the order waits for payment (R29). */
export async function setPaymentMethod(
  ex: Exec,
  id: string,
  method: OrderRow['payment_method'],
): Promise<boolean> {
  const res = await sql`update orders set payment_method = ${method}, version = version + 1
    where id = ${id} and state = 'approved' and payment_method <> 'wallet'`.execute(ex);
  return (res.numAffectedRows ?? 0n) === 1n;
}

/**
 * Runs `fn` inside a savepoint of the open transaction: a refusal it throws (AppError) rolls back only
 * its own writes and is answered as `refused`, so the caller can record why and commit the rest.
 */
export async function trySavepoint<T>(
  tx: Exec,
  name: string,
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; refused: AppError }> {
  await sql`savepoint ${sql.raw(name)}`.execute(tx);
  try {
    const value = await fn();
    await sql`release savepoint ${sql.raw(name)}`.execute(tx);
    return { ok: true, value };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    await sql`rollback to savepoint ${sql.raw(name)}`.execute(tx);
    return { ok: false, refused: e };
  }
}
