import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Role } from '../../platform/principal';

/** The user behind a live credential, as the auth middleware needs it. */
export interface CredentialUser {
  credential_id: string;
  user_id: string;
  roles: Role[];
  partner_id: string | null;
  company_id: string | null;
  last_seen_at: Date | null;
  created_at: Date;
}

export async function insertSession(
  ex: Exec,
  s: { id: string; user_id: string; token_hash: string; at: Date; expires_at: Date },
): Promise<void> {
  await sql`insert into sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at)
    values (${s.id}, ${s.user_id}, ${s.token_hash}, ${s.at}, ${s.at}, ${s.expires_at})`.execute(ex);
}

/** Only unexpired sessions of active users count: disabling a user signs it out everywhere at once. */
export async function liveSession(
  ex: Exec,
  tokenHash: string,
  now: Date,
): Promise<(CredentialUser & { expires_at: Date }) | undefined> {
  const { rows } = await sql<
    CredentialUser & { expires_at: Date }
  >`select s.id as credential_id, u.id as user_id, u.roles,
      u.partner_id, u.company_id, s.last_seen_at, s.created_at, s.expires_at
    from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${tokenHash} and s.expires_at > ${now} and u.state = 'active'`.execute(ex);
  return rows[0];
}

export async function touchSession(ex: Exec, id: string, now: Date, expiresAt: Date): Promise<void> {
  await sql`update sessions set last_seen_at = ${now}, expires_at = ${expiresAt} where id = ${id}`.execute(
    ex,
  );
}

export async function deleteSession(ex: Exec, tokenHash: string): Promise<string | undefined> {
  const { rows } = await sql<{ user_id: string }>`delete from sessions where token_hash = ${tokenHash}
    returning user_id`.execute(ex);
  return rows[0]?.user_id;
}

export async function deleteUserSessions(ex: Exec, userId: string): Promise<void> {
  await sql`delete from sessions where user_id = ${userId}`.execute(ex);
}
