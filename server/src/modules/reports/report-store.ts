import { sql } from 'kysely';
import { BUSINESS_ZONE } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { type OrderState, orderScope } from '../orders';
import { inCompanyScope } from '../parties';
import { type RequestCategory, requestScope } from '../requests';

export interface Waiting {
  orders_to_review: bigint;
  requests_to_decide: bigint;
  my_open_requests: bigint;
  my_returned_requests: bigint;
  overdue: bigint;
}

const companyScope = (p: Principal) => inCompanyScope(p, sql.ref('co.id'));

/** What waits for this person: reviews for their team, their own open and returned requests. */
export async function waitingFor(ex: Exec, p: Principal, teams: string[], now: Date): Promise<Waiting> {
  const team = teams.length > 0 ? sql`r.owner_team in (${sql.join(teams)})` : sql`false`;
  const { rows } = await sql<Waiting>`select
      (select count(*) from orders o where o.state = 'submitted' and ${orderScope(p)})::int8 as orders_to_review,
      (select count(*) from requests r where r.state = 'submitted' and ${team})::int8 as requests_to_decide,
      (select count(*) from requests r where r.created_by = ${p.userId} and r.state in ('draft', 'submitted'))::int8 as my_open_requests,
      (select count(*) from requests r where r.created_by = ${p.userId} and r.state = 'returned')::int8 as my_returned_requests,
      (select count(*) from requests r where r.state = 'submitted' and r.due_at < ${now} and ${team})::int8 as overdue`.execute(
    ex,
  );
  return rows[0] as Waiting;
}

export interface QueueCount {
  category: RequestCategory;
  count: bigint;
  overdue: bigint;
}

/**
 * Submitted requests by category with how many are past their R34 deadline: for staff the queue of
 * their teams, for a partner or customer their own requests waiting for the vendor.
 */
export async function requestsWaiting(
  ex: Exec,
  p: Principal,
  teams: string[],
  now: Date,
): Promise<QueueCount[]> {
  const whose =
    p.kind === 'partner' || p.kind === 'customer'
      ? requestScope(p)
      : teams.length > 0
        ? sql`r.owner_team in (${sql.join(teams)})`
        : sql`false`;
  const { rows } = await sql<QueueCount>`select r.category, count(*)::int8 as count,
      count(*) filter (where r.due_at < ${now})::int8 as overdue
    from requests r where r.state = 'submitted' and ${whose}
    group by r.category order by r.category`.execute(ex);
  return rows;
}

export interface Expiring {
  component_id: string;
  company_id: string;
  company_name: string;
  company_name_en: string | null;
  tenant_id: string | null;
  product_name: string;
  product_name_en: string | null;
  plan_name: string;
  plan_name_en: string | null;
  seats: number;
  end_date: string;
}

/** Components in scope ending between `from` and `to` (inclusive), soonest first. */
export async function expiringBetween(
  ex: Exec,
  p: Principal,
  from: string,
  to: string,
  limit: number,
): Promise<Expiring[]> {
  const { rows } = await sql<Expiring>`select c.id as component_id, co.id as company_id,
      co.name_zh as company_name, co.name_en as company_name_en, co.tenant_id,
      pr.name_zh as product_name, pr.name_en as product_name_en,
      pl.name_zh as plan_name, pl.name_en as plan_name_en, c.seats, c.end_date
    from components c join companies co on co.id = c.company_id join plans pl on pl.id = c.plan_id
      join products pr on pr.id = pl.product_id
    where c.seats > 0 and c.end_date between ${from} and ${to} and ${companyScope(p)}
    order by c.end_date, co.name_zh, c.id limit ${limit}`.execute(ex);
  return rows;
}

export interface MoneyRow {
  currency: 'CNY' | 'USD';
  kind: string;
  amount: bigint;
}

const walletScope = (p: Principal) =>
  p.kind === 'partner'
    ? sql`w.owner_type = 'partner' and w.owner_id = ${p.partnerId}`
    : p.kind === 'customer'
      ? sql`w.owner_type = 'company' and ${inCompanyScope(p, sql.ref('w.owner_id'))}`
      : sql`true`;

/**
 * Money through wallets since `since`, by kind (topup, capture, refund, settled_offline), from the
 * wallet's side: credits positive. Partners see their own wallets, customers their company's; staff all.
 */
export async function walletFlows(ex: Exec, p: Principal, since: Date): Promise<MoneyRow[]> {
  const { rows } = await sql<MoneyRow>`select e.currency, e.kind, (-sum(po.amount))::int8 as amount
    from postings po join journal_entries e on e.id = po.entry_id join wallets w on w.account_id = po.account_id
    where e.created_at >= ${since} and ${walletScope(p)}
    group by e.currency, e.kind order by e.currency, e.kind`.execute(ex);
  return rows;
}

export interface DailyMoneyRow extends MoneyRow {
  /** business date (Asia/Shanghai) the entry was posted */
  date: string;
  /** credits to the wallets (≥ 0) and debits from them (≥ 0), so netting never hides a flow */
  credit: bigint;
  debit: bigint;
}

/** The same flows per business day, kind and currency. */
export async function walletFlowsByDay(ex: Exec, p: Principal, since: Date): Promise<DailyMoneyRow[]> {
  const { rows } = await sql<DailyMoneyRow>`select
      to_char(e.created_at at time zone ${BUSINESS_ZONE}, 'YYYY-MM-DD') as date, e.currency, e.kind,
      (-sum(po.amount))::int8 as amount,
      coalesce(sum(-po.amount) filter (where po.amount < 0), 0)::int8 as credit,
      coalesce(sum(po.amount) filter (where po.amount > 0), 0)::int8 as debit
    from postings po join journal_entries e on e.id = po.entry_id join wallets w on w.account_id = po.account_id
    where e.created_at >= ${since} and ${walletScope(p)}
    group by 1, e.currency, e.kind order by 1, e.currency, e.kind`.execute(ex);
  return rows;
}

export interface OrderStateCount {
  state: OrderState;
  count: bigint;
}

/** Orders in scope created since `since`, by their state now (deleted drafts left out). */
export async function ordersByState(ex: Exec, p: Principal, since: Date): Promise<OrderStateCount[]> {
  const { rows } = await sql<OrderStateCount>`select o.state, count(*)::int8 as count from orders o
    where o.created_at >= ${since} and o.state <> 'deleted' and ${orderScope(p)}
    group by o.state order by o.state`.execute(ex);
  return rows;
}
