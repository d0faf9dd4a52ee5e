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
import type { Role } from '../../platform/principal';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  partner_id: string | null;
  company_id: string | null;
  state: 'active' | 'disabled';
  locale: 'zh-CN' | 'en-US';
  created_at: Date;
  version: number;
}

const COLS = sql`id, email, name, roles, partner_id, company_id, state, locale, created_at, version`;

export async function insertUser(
  ex: Exec,
  u: Omit<UserRow, 'state' | 'version'> & { password_hash: string | null },
): Promise<void> {
  await sql`insert into users (id, email, name, password_hash, roles, partner_id, company_id, locale, created_at)
    values (${u.id}, ${u.email}, ${u.name}, ${u.password_hash}, ${sql.val(u.roles)}::text[], ${u.partner_id},
      ${u.company_id}, ${u.locale}, ${u.created_at})`.execute(ex);
}

export async function userById(ex: Exec, id: string): Promise<UserRow | undefined> {
  const { rows } = await sql<UserRow>`select ${COLS} from users where id = ${id}`.execute(ex);
  return rows[0];
}

export async function emailTaken(ex: Exec, email: string): Promise<boolean> {
  const { rows } = await sql`select 1 from users where lower(email) = lower(${email})`.execute(ex);
  return rows.length > 0;
}

export async function credentialsByEmail(
  ex: Exec,
  email: string,
): Promise<(UserRow & { password_hash: string | null }) | undefined> {
  const { rows } = await sql<UserRow & { password_hash: string | null }>`select ${COLS}, password_hash
    from users where lower(email) = lower(${email})`.execute(ex);
  return rows[0];
}

export type UserSort = SortParam<'email' | 'name' | 'created'>;
// Emails compare as the unique index does (lower case); text keys are clipped so the cursor stays short.
const USER_SORT: Sortable<'email' | 'name' | 'created'> = {
  email: { expr: sql`left(lower(u.email), 200)`, type: 'text' },
  name: { expr: sql`left(u.name, 100)`, type: 'text' },
  created: { expr: sql`u.created_at`, type: 'timestamptz' },
};
const USER_ID = { expr: sql`u.id`, type: 'text' } as const;
const LIST_COLS = sql`u.id, u.email, u.name, u.roles, u.partner_id, u.company_id, u.state, u.locale,
  u.created_at, u.version, p.code as partner_code, p.name_zh as partner_name_zh, p.name_en as partner_name_en,
  c.name_zh as company_name_zh, c.name_en as company_name_en`;

export interface UserFilter {
  /** email or name */
  q?: string | undefined;
  role?: Role | undefined;
  state?: UserRow['state'] | undefined;
  partnerId?: string | undefined;
  companyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: UserSort | undefined;
  after?: string | undefined;
  limit: number;
}

export type UserListRow = UserRow &
  KeyedRow & {
    partner_code: string | null;
    partner_name_zh: string | null;
    partner_name_en: string | null;
    company_name_zh: string | null;
    company_name_en: string | null;
  };

/** Every user (admin tools) with the names of its partner or company: never the password hash. */
export async function listUsers(ex: Exec, f: UserFilter): Promise<UserListRow[]> {
  const page = keyset('users', USER_SORT, USER_ID, f.sort ?? 'email', f.after);
  const conds = [page.where];
  if (f.role) conds.push(sql`${f.role} = any(u.roles)`);
  if (f.state) conds.push(sql`u.state = ${f.state}`);
  if (f.partnerId) conds.push(sql`u.partner_id = ${f.partnerId}`);
  if (f.companyId) conds.push(sql`u.company_id = ${f.companyId}`);
  conds.push(...onBusinessDates(sql`u.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`u.email`, sql`u.name`]));
  const { rows } = await sql<UserListRow>`select ${LIST_COLS}, ${page.select}
    from users u left join partners p on p.id = u.partner_id left join companies c on c.id = u.company_id
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

/** Conditional on the current state so a concurrent change is noticed (zero rows). */
export async function setUserState(
  ex: Exec,
  id: string,
  from: UserRow['state'],
  to: UserRow['state'],
): Promise<boolean> {
  const r = await sql`update users set state = ${to}, version = version + 1
    where id = ${id} and state = ${from}`.execute(ex);
  return (r.numAffectedRows ?? 0n) > 0n;
}

export type UserChanges = Pick<UserRow, 'name' | 'roles' | 'partner_id' | 'company_id' | 'locale'>;

/** Optimistic: zero rows when the user moved on since `version` was read. */
export async function updateUser(ex: Exec, id: string, version: number, u: UserChanges): Promise<boolean> {
  const r = await sql`update users set name = ${u.name}, roles = ${sql.val(u.roles)}::text[],
      partner_id = ${u.partner_id}, company_id = ${u.company_id}, locale = ${u.locale}, version = version + 1
    where id = ${id} and version = ${version}`.execute(ex);
  return (r.numAffectedRows ?? 0n) > 0n;
}
