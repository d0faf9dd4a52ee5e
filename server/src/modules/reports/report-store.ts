import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';

export interface Waiting {
  orders_to_review: bigint;
  requests_to_decide: bigint;
  my_open_requests: bigint;
  my_returned_requests: bigint;
  overdue: bigint;
}

const orderScope = (p: Principal) =>
  p.kind === 'partner'
    ? sql`o.partner_id = ${p.partnerId}`
    : p.kind === 'customer'
      ? sql`o.company_id in (select id from companies where id = ${p.companyId} or parent_id = ${p.companyId})`
      : sql`true`;
const companyScope = (p: Principal) =>
  p.kind === 'partner'
    ? sql`co.partner_id = ${p.partnerId}`
    : p.kind === 'customer'
      ? sql`(co.id = ${p.companyId} or co.parent_id = ${p.companyId})`
      : sql`true`;

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

export interface Expiring {
  company_id: string;
  company_name: string;
  tenant_id: string | null;
  plan_name: string;
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
  const { rows } = await sql<Expiring>`select co.id as company_id, co.name_zh as company_name, co.tenant_id,
      pl.name_zh as plan_name, c.seats, c.end_date
    from components c join companies co on co.id = c.company_id join plans pl on pl.id = c.plan_id
    where c.seats > 0 and c.end_date between ${from} and ${to} and ${companyScope(p)}
    order by c.end_date, co.name_zh limit ${limit}`.execute(ex);
  return rows;
}

export interface MoneyRow {
  currency: 'CNY' | 'USD';
  kind: string;
  amount: bigint;
}

/**
 * Money through wallets since `since`, by kind (topup, capture, refund, settled_offline), from the
 * wallet's side: credits positive. Partners see their own wallets; finance and admins all.
 */
export async function walletFlows(ex: Exec, p: Principal, since: Date): Promise<MoneyRow[]> {
  const owner =
    p.kind === 'partner'
      ? sql`w.owner_type = 'partner' and w.owner_id = ${p.partnerId}`
      : p.kind === 'customer'
        ? sql`w.owner_type = 'company' and w.owner_id = ${p.companyId}`
        : sql`true`;
  const { rows } = await sql<MoneyRow>`select e.currency, e.kind, (-sum(po.amount))::int8 as amount
    from postings po join journal_entries e on e.id = po.entry_id join wallets w on w.account_id = po.account_id
    where e.created_at >= ${since} and ${owner}
    group by e.currency, e.kind order by e.currency, e.kind`.execute(ex);
  return rows;
}
