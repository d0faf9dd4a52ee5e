import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { CredentialUser } from './session-store';

export interface ApiKeyRow {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  created_by: string | null;
  created_at: Date;
  last_used_at: Date | null;
  revoked_at: Date | null;
  expires_at: Date | null;
}

const COLS = sql`id, user_id, name, prefix, created_by, created_at, last_used_at, revoked_at, expires_at`;

export async function insertApiKey(
  ex: Exec,
  k: Omit<ApiKeyRow, 'last_used_at' | 'revoked_at'> & { key_hash: string },
): Promise<void> {
  await sql`insert into api_keys (id, user_id, name, prefix, key_hash, created_by, created_at, expires_at)
    values (${k.id}, ${k.user_id}, ${k.name}, ${k.prefix}, ${k.key_hash}, ${k.created_by}, ${k.created_at},
      ${k.expires_at})`.execute(ex);
}

/** An unrevoked key of an active user; `expires_at` is for the caller to judge against its clock. */
export async function liveApiKey(
  ex: Exec,
  keyHash: string,
): Promise<(CredentialUser & { expires_at: Date | null }) | undefined> {
  const { rows } = await sql<
    CredentialUser & { expires_at: Date | null }
  >`select k.id as credential_id, u.id as user_id, u.roles,
      u.partner_id, u.company_id, k.last_used_at as last_seen_at, k.created_at, k.expires_at
    from api_keys k join users u on u.id = k.user_id
    where k.key_hash = ${keyHash} and k.revoked_at is null and u.state = 'active'`.execute(ex);
  return rows[0];
}

export async function touchApiKey(ex: Exec, id: string, now: Date): Promise<void> {
  await sql`update api_keys set last_used_at = ${now} where id = ${id}`.execute(ex);
}

export async function apiKeyById(ex: Exec, id: string): Promise<ApiKeyRow | undefined> {
  const { rows } = await sql<ApiKeyRow>`select ${COLS} from api_keys where id = ${id}`.execute(ex);
  return rows[0];
}

export async function apiKeysOfUser(ex: Exec, userId: string): Promise<ApiKeyRow[]> {
  const { rows } =
    await sql<ApiKeyRow>`select ${COLS} from api_keys where user_id = ${userId} order by id`.execute(ex);
  return rows;
}

export async function revokeApiKeyRow(ex: Exec, id: string, at: Date): Promise<boolean> {
  const r = await sql`update api_keys set revoked_at = ${at} where id = ${id} and revoked_at is null`.execute(
    ex,
  );
  return (r.numAffectedRows ?? 0n) > 0n;
}
