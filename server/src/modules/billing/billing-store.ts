import type { BillingCycle, EmailLanguage } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { type KeyedRow, keyset, type Sortable, type SortParam, textMatch } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { inTreeWhere, type TreeWhere } from '../parties';
import type { BillingSettings } from './billing';

// The only SQL of billing configurations (R38). Every read and write is narrowed by parties' one scope
// rule and, for the direct/all switch, by its company tree; the batch is one upsert over the chosen ids.

export type BillingWhere = TreeWhere;

const where = (p: Principal, w: BillingWhere): RawBuilder<unknown> => inTreeWhere(p, w, sql.ref('c.id'));

export interface ConfigRow {
  company_id: string;
  company_name: string;
  parent_id: string | null;
  billing_cycle: BillingCycle | null;
  auto_renew: boolean | null;
  notify: boolean | null;
  email_language: EmailLanguage | null;
  emails: string[] | null;
  updated_at: Date | null;
  version: number | null;
}
const COLS = sql`c.id as company_id, c.name_zh as company_name, c.parent_id, b.billing_cycle, b.auto_renew,
  b.notify, b.email_language, b.emails, b.updated_at, b.version`;
const FROM = sql`companies c left join billing_configs b on b.company_id = c.id`;

type ConfigSortKey = 'name' | 'updated';
export type ConfigSort = SortParam<ConfigSortKey>;
const SORT: Sortable<ConfigSortKey> = {
  name: { expr: sql`c.name_zh`, type: 'text' },
  updated: { expr: sql`coalesce(b.updated_at, '-infinity'::timestamptz)`, type: 'timestamptz' },
};
const ID = { expr: sql`c.id`, type: 'text' } as const;

export interface ConfigFilter {
  q?: string | undefined;
  configured?: boolean | undefined;
  sort?: ConfigSort | undefined;
  after?: string | undefined;
  limit: number;
}

/** The companies in scope under the chosen tree, each with its configuration or nulls (配置 / 未配置). */
export async function listConfigs(
  ex: Exec,
  p: Principal,
  w: BillingWhere,
  f: ConfigFilter,
): Promise<(ConfigRow & KeyedRow)[]> {
  const page = keyset('billing-configs', SORT, ID, f.sort ?? 'name', f.after);
  const conds = [where(p, w), page.where];
  if (f.configured !== undefined) conds.push(sql`(b.company_id is not null) = ${f.configured}`);
  conds.push(...textMatch(f.q, [sql`c.name_zh`, sql`coalesce(c.name_en, '')`, sql`c.id`]));
  const { rows } = await sql<ConfigRow & KeyedRow>`select ${COLS}, ${page.select} from ${FROM}
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

/** One company in scope with its configuration (nulls when it has none); `lock` for a change. */
export async function configInScope(
  ex: Exec,
  p: Principal,
  companyId: string,
  lock = false,
): Promise<ConfigRow | undefined> {
  const { rows } = await sql<ConfigRow>`select ${COLS} from ${FROM}
    where c.id = ${companyId} and ${where(p, { rootId: null, depth: 'all' })}
    ${lock ? sql`for no key update of c` : sql``}`.execute(ex);
  return rows[0];
}

export async function insertConfig(
  ex: Exec,
  companyId: string,
  s: BillingSettings,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const r =
    await sql`insert into billing_configs (company_id, billing_cycle, auto_renew, notify, email_language,
      emails, created_at, updated_by, updated_at)
    values (${companyId}, ${s.billingCycle}, ${s.autoRenew}, ${s.notify}, ${s.emailLanguage}, ${s.emails}::text[],
      ${at}, ${by}, ${at})
    on conflict (company_id) do nothing`.execute(ex);
  return (r.numAffectedRows ?? 0n) === 1n;
}

/** Version-checked replace; false when the version is stale (or the row is gone). */
export async function updateConfig(
  ex: Exec,
  companyId: string,
  version: number,
  s: BillingSettings,
  by: string | null,
  at: Date,
): Promise<boolean> {
  const r =
    await sql`update billing_configs set billing_cycle = ${s.billingCycle}, auto_renew = ${s.autoRenew},
      notify = ${s.notify}, email_language = ${s.emailLanguage}, emails = ${s.emails}::text[],
      updated_by = ${by}, updated_at = ${at}, version = version + 1
    where company_id = ${companyId} and version = ${version}`.execute(ex);
  return (r.numAffectedRows ?? 0n) === 1n;
}

export async function deleteConfig(ex: Exec, companyId: string, version: number): Promise<boolean> {
  const r =
    await sql`delete from billing_configs where company_id = ${companyId} and version = ${version}`.execute(
      ex,
    );
  return (r.numAffectedRows ?? 0n) === 1n;
}

/** The chosen companies that are in scope, locked against a concurrent batch; the rest are the caller's to name. */
export async function lockCompaniesInScope(
  ex: Exec,
  p: Principal,
  ids: readonly string[],
): Promise<ConfigRow[]> {
  const { rows } = await sql<ConfigRow>`select ${COLS} from ${FROM}
    where c.id = any(${[...ids]}::text[]) and ${where(p, { rootId: null, depth: 'all' })}
    order by c.id for no key update of c`.execute(ex);
  return rows;
}

/**
 * 配置所选公司 in one statement: creates the missing configurations and replaces the differing ones (a
 * company already holding exactly these settings is left alone, version and all).
 */
export async function upsertConfigs(
  ex: Exec,
  ids: readonly string[],
  s: BillingSettings,
  by: string | null,
  at: Date,
): Promise<{ company_id: string; inserted: boolean }[]> {
  const { rows } = await sql<{ company_id: string; inserted: boolean }>`insert into billing_configs
      (company_id, billing_cycle, auto_renew, notify, email_language, emails, created_at, updated_by, updated_at)
    select id, ${s.billingCycle}, ${s.autoRenew}, ${s.notify}, ${s.emailLanguage}, ${s.emails}::text[], ${at},
      ${by}, ${at} from unnest(${[...ids]}::text[]) as t (id)
    on conflict (company_id) do update set billing_cycle = excluded.billing_cycle,
      auto_renew = excluded.auto_renew, notify = excluded.notify, email_language = excluded.email_language,
      emails = excluded.emails, updated_by = excluded.updated_by, updated_at = excluded.updated_at,
      version = billing_configs.version + 1
    where (billing_configs.billing_cycle, billing_configs.auto_renew, billing_configs.notify,
        billing_configs.email_language, billing_configs.emails)
      is distinct from (excluded.billing_cycle, excluded.auto_renew, excluded.notify, excluded.email_language,
        excluded.emails)
    returning company_id, (xmax = 0) as inserted`.execute(ex);
  return rows;
}

/**
 * The companies whose configuration has auto-renew on (R38), for the renewals module's auto-renew step of
 * the daily job: billing owns the setting, renewals the charging.
 */
export async function autoRenewCompanies(ex: Exec): Promise<{ companyId: string; cycle: BillingCycle }[]> {
  const { rows } = await sql<{ company_id: string; billing_cycle: BillingCycle }>`select company_id,
      billing_cycle from billing_configs where auto_renew order by company_id`.execute(ex);
  return rows.map((r) => ({ companyId: r.company_id, cycle: r.billing_cycle }));
}
