import { sql } from 'kysely';
import type { Exec } from '../db/database';

export interface StoredKey {
  request_hash: string;
  status: number | null;
  body: string | null;
}

/**
 * Takes the key's transaction-scoped advisory lock without waiting, and reads what is stored under it.
 * `locked` false: another request with this key is in flight right now.
 */
export async function lockAndReadKey(
  ex: Exec,
  principal: string,
  key: string,
): Promise<{ locked: boolean; stored: StoredKey | undefined }> {
  const { rows } = await sql<{ locked: boolean } & Partial<StoredKey>>`
    select l.locked, k.request_hash, k.status, k.body
    from (select pg_try_advisory_xact_lock(hashtextextended(${principal} || ' ' || ${key}, 0)) as locked) l
    left join idempotency_keys k on l.locked and k.principal = ${principal} and k.key = ${key}`.execute(ex);
  const row = rows[0];
  const stored =
    row?.request_hash == null
      ? undefined
      : { request_hash: row.request_hash, status: row.status ?? null, body: row.body ?? null };
  return { locked: row?.locked === true, stored };
}

export async function readKey(ex: Exec, principal: string, key: string): Promise<StoredKey | undefined> {
  const { rows } = await sql<StoredKey>`select request_hash, status, body from idempotency_keys
    where principal = ${principal} and key = ${key}`.execute(ex);
  return rows[0];
}

/** Stores the answer; false when a request with the same key stored one first (its answer wins). */
export async function storeKey(
  ex: Exec,
  row: { principal: string; key: string; hash: string; status: number; body: string; now: Date },
): Promise<boolean> {
  const { rows } = await sql<{ key: string }>`insert into idempotency_keys
      (principal, key, request_hash, state, status, body, created_at)
    values (${row.principal}, ${row.key}, ${row.hash}, 'done', ${row.status}, ${row.body}, ${row.now})
    on conflict (principal, key) do nothing
    returning key`.execute(ex);
  return rows.length === 1;
}
