import { sql } from 'kysely';
import type { Exec } from '../db/database';

export interface StoredKey {
  request_hash: string;
  state: 'pending' | 'done';
  status: number | null;
  body: string | null;
}

/** A pending key older than this belonged to a process that died mid-request; the retry takes it over. */
export const PENDING_LEASE_MS = 120_000;

/** True when this request now owns the key; false when another request already holds it. */
export async function claimKey(
  ex: Exec,
  principal: string,
  key: string,
  hash: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`insert into idempotency_keys
      (principal, key, request_hash, state, created_at)
    values (${principal}, ${key}, ${hash}, 'pending', ${now})
    on conflict (principal, key) do update set created_at = excluded.created_at
      where idempotency_keys.state = 'pending' and idempotency_keys.request_hash = excluded.request_hash
        and idempotency_keys.created_at < ${new Date(now.getTime() - PENDING_LEASE_MS)}
    returning key`.execute(ex);
  return rows.length === 1;
}

export async function readKey(ex: Exec, principal: string, key: string): Promise<StoredKey | undefined> {
  const { rows } = await sql<StoredKey>`select request_hash, state, status, body from idempotency_keys
    where principal = ${principal} and key = ${key}`.execute(ex);
  return rows[0];
}

export async function completeKey(ex: Exec, principal: string, key: string, status: number, body: string) {
  await sql`update idempotency_keys set state = 'done', status = ${status}, body = ${body}
    where principal = ${principal} and key = ${key}`.execute(ex);
}

/** A request that failed on our side gives its key back so the client's retry can run. */
export async function releaseKey(ex: Exec, principal: string, key: string): Promise<void> {
  await sql`delete from idempotency_keys where principal = ${principal} and key = ${key} and state = 'pending'`.execute(
    ex,
  );
}
