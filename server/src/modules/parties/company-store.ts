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

export interface CompanyRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  tenant_id: string | null;
  partner_id: string | null;
  parent_id: string | null;
  region: string;
}

export interface CompanyDetailRow extends CompanyRow {
  address_en: string | null;
  applicant_name: string | null;
  landline: string | null;
  tax_id: string | null;
  created_at: Date;
  version: number;
  partner_name_zh: string | null;
  parent_name_zh: string | null;
  state: 'active' | 'suspended';
}

export type CompanyFields = Omit<
  CompanyDetailRow,
  'id' | 'created_at' | 'version' | 'partner_name_zh' | 'parent_name_zh' | 'state'
>;

const COLS = sql`c.id, c.name_zh, c.name_en, c.tenant_id, c.partner_id, c.parent_id, c.region`;
const DETAIL = sql`${COLS}, c.address_en, c.applicant_name, c.landline, c.tax_id, c.created_at, c.version, c.state,
  p.name_zh as partner_name_zh, pc.name_zh as parent_name_zh`;
const FROM_DETAIL = sql`companies c left join partners p on p.id = c.partner_id
  left join companies pc on pc.id = c.parent_id`;

/**
 * DESIGN §1, the one scope rule every store embeds: `column` (a company id) is visible to `p`. A partner
 * sees the companies it owns now (so a transferred customer's history moves with it, R17); a customer its
 * company and its subsidiaries at any depth (parents cannot form a cycle: update-company refuses one,
 * and `union` would stop it anyway); staff every company, unless the user is scoped to a company (R21,
 * seed 003's 登录公司: issue #13, ADR 0023), then that company's tree as for a customer.
 */
export function inCompanyScope(p: Principal, column: RawBuilder<unknown>): RawBuilder<unknown> {
  if (p.kind === 'partner')
    return sql`${column} in (select id from companies where partner_id = ${p.partnerId})`;
  if (p.companyId !== null && (p.kind === 'customer' || p.kind === 'staff'))
    return inCompanyTree(column, p.companyId);
  return sql`true`;
}

/** `column` is the company `rootId` or one of its subsidiaries at any depth: the tree the scope rule uses. */
export function inCompanyTree(column: RawBuilder<unknown>, rootId: string): RawBuilder<unknown> {
  return sql`${column} in (with recursive tree(id) as (
      select ${rootId}::text
      union select ch.id from companies ch join tree t on ch.parent_id = t.id)
    select id from tree)`;
}

const companyScope = (p: Principal) => inCompanyScope(p, sql.ref('c.id'));

export async function companyInScope(ex: Exec, p: Principal, id: string): Promise<CompanyRow | undefined> {
  const { rows } =
    await sql<CompanyRow>`select ${COLS} from companies c where c.id = ${id} and ${companyScope(p)}`.execute(
      ex,
    );
  return rows[0];
}

export async function companyDetailInScope(
  ex: Exec,
  p: Principal,
  id: string,
): Promise<CompanyDetailRow | undefined> {
  const { rows } = await sql<CompanyDetailRow>`select ${DETAIL} from ${FROM_DETAIL}
    where c.id = ${id} and ${companyScope(p)}`.execute(ex);
  return rows[0];
}

export async function companyByTenantInScope(
  ex: Exec,
  p: Principal,
  tenantId: string,
): Promise<CompanyRow | undefined> {
  const { rows } = await sql<CompanyRow>`select ${COLS} from companies c
    where c.tenant_id = ${tenantId} and ${companyScope(p)}`.execute(ex);
  return rows[0];
}

/** Unscoped on purpose: a transfer request names a customer the filing partner does not own yet (R17). */
export async function companyByTenant(ex: Exec, tenantId: string): Promise<CompanyRow | undefined> {
  const { rows } =
    await sql<CompanyRow>`select ${COLS} from companies c where c.tenant_id = ${tenantId}`.execute(ex);
  return rows[0];
}

/** Unscoped existence check for admin tools (user creation names any company). */
export async function companyById(ex: Exec, id: string): Promise<CompanyRow | undefined> {
  const { rows } = await sql<CompanyRow>`select ${COLS} from companies c where c.id = ${id}`.execute(ex);
  return rows[0];
}

export type CompanySort = SortParam<'name' | 'tenant' | 'created'>;
// Text keys are clipped so a cursor (its key travels inside it) stays within the `after` limit even for
// long Chinese names; rows sharing the clipped prefix still order by id, so paging stays exact.
const COMPANY_SORT: Sortable<'name' | 'tenant' | 'created'> = {
  name: { expr: sql`left(c.name_zh, 100)`, type: 'text' },
  tenant: { expr: sql`coalesce(c.tenant_id, '')`, type: 'text' },
  created: { expr: sql`c.created_at`, type: 'timestamptz' },
};
const COMPANY_ID = { expr: sql`c.id`, type: 'text' } as const;

export interface CompanyFilter {
  q?: string | undefined;
  partnerId?: string | undefined;
  direct?: boolean | undefined;
  parentId?: string | undefined;
  region?: string | undefined;
  /** business dates (Asia/Shanghai) of creation, inclusive */
  from?: string | undefined;
  to?: string | undefined;
  sort?: CompanySort | undefined;
  /** opaque keyset cursor from the previous page */
  after?: string | undefined;
  limit: number;
}

export type CompanyListRow = CompanyDetailRow & KeyedRow;

export async function listCompanies(ex: Exec, p: Principal, f: CompanyFilter): Promise<CompanyListRow[]> {
  const page = keyset('companies', COMPANY_SORT, COMPANY_ID, f.sort ?? 'name', f.after);
  const conds = [companyScope(p), page.where];
  if (f.partnerId) conds.push(sql`c.partner_id = ${f.partnerId}`);
  if (f.direct !== undefined) conds.push(sql`(c.partner_id is null) = ${f.direct}`);
  if (f.parentId) conds.push(sql`c.parent_id = ${f.parentId}`);
  if (f.region) conds.push(sql`c.region = ${f.region}`);
  conds.push(...onBusinessDates(sql`c.created_at`, f.from, f.to));
  conds.push(
    ...textMatch(f.q, [sql`c.name_zh`, sql`coalesce(c.name_en, '')`, sql`coalesce(c.tenant_id, '')`]),
  );
  const { rows } = await sql<CompanyListRow>`select ${DETAIL}, ${page.select} from ${FROM_DETAIL}
    where ${sql.join(conds, sql` and `)}
    order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function tenantTaken(ex: Exec, tenantId: string, exceptId: string | null): Promise<boolean> {
  const { rows } = await sql`select 1 from companies
    where tenant_id = ${tenantId} and id is distinct from ${exceptId}`.execute(ex);
  return rows.length > 0;
}

/** True when `candidate` is `id` or lies below it: making it the parent would close a cycle. */
export async function isSelfOrDescendant(ex: Exec, id: string, candidate: string): Promise<boolean> {
  const { rows } = await sql`with recursive tree(id) as (
      select ${id}::text union select ch.id from companies ch join tree t on ch.parent_id = t.id)
    select 1 from tree where id = ${candidate}`.execute(ex);
  return rows.length > 0;
}

export async function insertCompany(ex: Exec, id: string, c: CompanyFields, createdAt: Date): Promise<void> {
  await sql`insert into companies (id, name_zh, name_en, tenant_id, parent_id, partner_id, region, address_en,
      applicant_name, landline, tax_id, created_at)
    values (${id}, ${c.name_zh}, ${c.name_en}, ${c.tenant_id}, ${c.parent_id}, ${c.partner_id}, ${c.region},
      ${c.address_en}, ${c.applicant_name}, ${c.landline}, ${c.tax_id}, ${createdAt})`.execute(ex);
}

/** Optimistic: zero rows when someone saved in between (version moved). */
export async function updateCompany(
  ex: Exec,
  id: string,
  version: number,
  c: CompanyFields,
): Promise<boolean> {
  const r = await sql`update companies set name_zh = ${c.name_zh}, name_en = ${c.name_en},
      tenant_id = ${c.tenant_id}, parent_id = ${c.parent_id}, partner_id = ${c.partner_id}, region = ${c.region},
      address_en = ${c.address_en}, applicant_name = ${c.applicant_name}, landline = ${c.landline},
      tax_id = ${c.tax_id}, version = version + 1
    where id = ${id} and version = ${version}`.execute(ex);
  return (r.numAffectedRows ?? 0n) > 0n;
}

/** R7: the new names; an English name left out keeps the current one (R6 may require it). */
export async function renameCompanyRow(
  ex: Exec,
  id: string,
  nameZh: string,
  nameEn: string | null,
): Promise<{ name_zh: string; name_en: string | null } | undefined> {
  const { rows } = await sql<{ name_zh: string; name_en: string | null }>`update companies c
    set name_zh = ${nameZh}, name_en = coalesce(${nameEn}, c.name_en), version = c.version + 1
    from companies old where c.id = ${id} and old.id = c.id
    returning old.name_zh, old.name_en`.execute(ex);
  return rows[0];
}

export async function updateCompanyPartner(ex: Exec, id: string, partnerId: string): Promise<void> {
  await sql`update companies set partner_id = ${partnerId}, version = version + 1 where id = ${id}`.execute(
    ex,
  );
}

/**
 * R17: the partner owning the company now, read under a row lock taken by the transfer that changes it
 * and by each payment that relies on it, so the two serialize. A payment takes `no key update` rather than
 * `share`: a renewal's approval may rename the company (R7) in the same transaction, and two sharers
 * upgrading to an update would deadlock. Orders' foreign keys take `key share`, which it does not block.
 * `undefined` when there is no such company; `null` partner for a direct customer.
 */
export async function ownerUnderLock(
  ex: Exec,
  companyId: string,
  by: 'transfer' | 'payment',
): Promise<{ partner_id: string | null } | undefined> {
  const { rows } = await sql<{ partner_id: string | null }>`select partner_id from companies
    where id = ${companyId} ${by === 'transfer' ? sql`for update` : sql`for no key update`}`.execute(ex);
  return rows[0];
}
