import { type BillingCycle, type Currency, type DeviceDepth, newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { type KeyedRow, keyset, type Sortable, type SortParam } from '../../platform/keyset';
import { refNumber } from '../../platform/numbering-store';
import type { Principal } from '../../platform/principal';
import { inCompanyScope, inCompanyTree } from '../parties';
import type { Period } from './billing';
import type { BalanceFigures, LineKind, StatementFigures, StatementLine, StatementRow } from './statement';

// The only SQL of statements (R46): which companies close a period on a day, the figures of a company's
// period — its wallet's postings before, during and after it, and the paid orders, device renewals and
// provider payments of the period — read by billing's own queries (the renewals module owns
// device_orders; billing only reads it), and the stored statements, scoped like every read.

/** Instants of the period: from its first day's 00:00 to the next day after its end, Asia/Shanghai. */
const startOf = (p: Period) => sql`(${p.start}::date)::timestamp at time zone 'Asia/Shanghai'`;
const endOf = (p: Period) => sql`(${p.end}::date + 1)::timestamp at time zone 'Asia/Shanghai'`;
const dayOf = (col: RawBuilder<unknown>) => sql`((${col}) at time zone 'Asia/Shanghai')::date::text`;

/** Companies with `cycle` that have no statement for the period yet. */
export async function companiesToState(ex: Exec, cycle: BillingCycle, p: Period): Promise<string[]> {
  const { rows } = await sql<{ company_id: string }>`select b.company_id from billing_configs b
    where b.billing_cycle = ${cycle} and not exists (select 1 from billing_statements s
      where s.company_id = b.company_id and s.period_start = ${p.start}::date and s.period_end = ${p.end}::date)
    order by b.company_id`.execute(ex);
  return rows.map((r) => r.company_id);
}

interface BalanceRow {
  currency: Currency;
  opening: bigint;
  topups: bigint;
  payments: bigint;
  refunds: bigint;
  other: bigint;
  closing: bigint;
}

/**
 * Per currency of the company's wallets: the balance before and after the period and its movements by
 * journal kind. Postings are debit-positive, so money into the wallet is a negative posting. Closing is
 * summed on its own, not derived, so the identity the statement shows is a check, not an assumption.
 */
async function balances(ex: Exec, companyId: string, p: Period): Promise<BalanceFigures[]> {
  const inPeriod = sql`e.created_at >= ${startOf(p)} and e.created_at < ${endOf(p)}`;
  const { rows } = await sql<BalanceRow>`select w.currency,
      coalesce(-sum(pp.amount) filter (where e.created_at < ${startOf(p)}), 0)::int8 as opening,
      coalesce(-sum(pp.amount) filter (where ${inPeriod} and e.kind = 'topup'), 0)::int8 as topups,
      coalesce(sum(pp.amount) filter (where ${inPeriod} and e.kind = 'capture'), 0)::int8 as payments,
      coalesce(-sum(pp.amount) filter (where ${inPeriod} and e.kind in ('refund', 'settled_offline')), 0)::int8
        as refunds,
      coalesce(-sum(pp.amount) filter (where ${inPeriod}
        and e.kind not in ('topup', 'capture', 'refund', 'settled_offline')), 0)::int8 as other,
      coalesce(-sum(pp.amount) filter (where e.created_at < ${endOf(p)}), 0)::int8 as closing
    from wallets w join postings pp on pp.account_id = w.account_id join journal_entries e on e.id = pp.entry_id
    where w.owner_type = 'company' and w.owner_id = ${companyId}
    group by w.currency order by w.currency`.execute(ex);
  return rows.map((r) => ({
    currency: r.currency,
    opening: r.opening.toString(),
    topups: r.topups.toString(),
    payments: r.payments.toString(),
    refunds: r.refunds.toString(),
    other: r.other.toString(),
    closing: r.closing.toString(),
  }));
}

interface LineRow {
  date: string;
  kind: LineKind;
  reference: string | null;
  description: string;
  currency: Currency;
  amount: bigint;
  devices: number | null;
  months: number | null;
}

/** The period's paid orders and renewals, wallet top-ups, payments and refunds, and provider payments. */
async function lines(ex: Exec, companyId: string, p: Period): Promise<StatementLine[]> {
  const paid = (col: RawBuilder<unknown>) => sql`${col} >= ${startOf(p)} and ${col} < ${endOf(p)}`;
  const number = refNumber(sql`e.ref_type`, sql`e.ref_id`);
  const { rows } = await sql<LineRow>`select * from (
      select ${dayOf(sql`o.paid_at`)} as date, 'order' as kind, o.number as reference,
        o.payment_method as description, o.currency, o.total::int8 as amount, null::int as devices,
        null::int as months, o.paid_at as at
      from orders o where o.company_id = ${companyId} and ${paid(sql`o.paid_at`)}
      union all
      select ${dayOf(sql`d.paid_at`)}, 'renewal', d.number, d.payment_method, d.currency, d.total::int8,
        d.device_count, d.months, d.paid_at
      from device_orders d where d.company_id = ${companyId} and d.state = 'paid' and ${paid(sql`d.paid_at`)}
      union all
      select ${dayOf(sql`e.created_at`)},
        case when e.kind = 'topup' then 'topup' when e.kind = 'capture' then 'payment' else 'refund' end,
        coalesce(${number}, e.ref_id), 'wallet', e.currency, abs(pp.amount)::int8, null, null, e.created_at
      from wallets w join postings pp on pp.account_id = w.account_id join journal_entries e on e.id = pp.entry_id
      where w.owner_type = 'company' and w.owner_id = ${companyId}
        and e.kind in ('topup', 'capture', 'refund', 'settled_offline') and ${paid(sql`e.created_at`)}
      union all
      select ${dayOf(sql`a.paid_at`)}, 'payment', coalesce(o.number, d.number), a.provider, a.currency,
        a.amount::int8, null, null, a.paid_at
      from payment_attempts a left join orders o on o.id = a.order_id
        left join device_orders d on d.id = a.device_order_id
      where a.state = 'paid' and a.purpose in ('order', 'device_order') and ${paid(sql`a.paid_at`)}
        and coalesce(o.company_id, d.company_id) = ${companyId}
    ) as l order by at, kind, reference`.execute(ex);
  return rows.map((r) => ({
    date: r.date,
    kind: r.kind,
    reference: r.reference ?? '',
    description: r.description,
    currency: r.currency,
    amount: r.amount.toString(),
    devices: r.devices,
    months: r.months,
  }));
}

export async function figuresOf(ex: Exec, companyId: string, p: Period): Promise<StatementFigures> {
  return { balances: await balances(ex, companyId, p), lines: await lines(ex, companyId, p) };
}

/** True when this call made it; a statement already made for the company and period stays as it was. */
export async function insertStatement(
  ex: Exec,
  clock: Clock,
  s: { companyId: string; cycle: BillingCycle; period: Period; figures: StatementFigures },
): Promise<boolean> {
  const id = newId('stm', clock.now().epochMilliseconds);
  const r = await sql`insert into billing_statements (id, company_id, billing_cycle, period_start, period_end,
      figures, created_at)
    values (${id}, ${s.companyId}, ${s.cycle}, ${s.period.start}::date, ${s.period.end}::date,
      ${JSON.stringify(s.figures)}::jsonb, ${toDate(clock.now())})
    on conflict (company_id, period_start, period_end) do nothing`.execute(ex);
  return (r.numAffectedRows ?? 0n) === 1n;
}

const COLS = sql`s.id, s.company_id, c.name_zh as company_name, s.billing_cycle, s.period_start, s.period_end,
  s.figures, s.created_at`;
const FROM = sql`billing_statements s join companies c on c.id = s.company_id`;

type StatementSortKey = 'period' | 'created';
const SORT: Sortable<StatementSortKey> = {
  period: { expr: sql`s.period_end::text`, type: 'text' },
  created: { expr: sql`s.created_at`, type: 'timestamptz' },
};
const ID = { expr: sql`s.id`, type: 'text' } as const;

export interface StatementFilter {
  from?: string | undefined;
  to?: string | undefined;
  sort?: SortParam<StatementSortKey> | undefined;
  after?: string | undefined;
  limit: number;
}

export async function listStatements(
  ex: Exec,
  p: Principal,
  w: { rootId: string | null; depth: DeviceDepth },
  f: StatementFilter,
): Promise<(StatementRow & KeyedRow)[]> {
  const page = keyset('billing-statements', SORT, ID, f.sort ?? '-period', f.after);
  const col = sql.ref('s.company_id');
  const conds = [inCompanyScope(p, col), page.where];
  if (w.rootId !== null)
    conds.push(w.depth === 'direct' ? sql`s.company_id = ${w.rootId}` : inCompanyTree(col, w.rootId));
  if (f.from) conds.push(sql`s.period_end >= ${f.from}::date`);
  if (f.to) conds.push(sql`s.period_start <= ${f.to}::date`);
  const { rows } = await sql<StatementRow & KeyedRow>`select ${COLS}, ${page.select} from ${FROM}
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function statementInScope(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<StatementRow | undefined> {
  const { rows } = await sql<StatementRow>`select ${COLS} from ${FROM}
    where s.id = ${id} and ${inCompanyScope(p, sql.ref('s.company_id'))}`.execute(ex);
  return rows[0];
}
