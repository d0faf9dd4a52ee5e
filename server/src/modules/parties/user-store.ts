import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
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

export async function listUsers(
  ex: Exec,
  f: { after?: string | undefined; limit: number; q?: string | undefined },
): Promise<UserRow[]> {
  const q = f.q ? `%${f.q.replace(/[%_\\]/g, (m) => `\\${m}`)}%` : null;
  const { rows } = await sql<UserRow>`select ${COLS} from users
    where (${f.after ?? null}::text is null or id > ${f.after ?? null})
      and (${q}::text is null or email ilike ${q} or name ilike ${q})
    order by id limit ${f.limit}`.execute(ex);
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
