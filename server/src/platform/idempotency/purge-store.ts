import { sql } from 'kysely';
import type { Exec } from '../db/database';

/**
 * S-15: an Idempotency-Key protects a retry for a day; after that its row is only weight (anonymous
 * requests write them too). Answers how many rows went.
 */
export async function purgeIdempotencyKeys(ex: Exec, createdBefore: Date): Promise<number> {
  const r = await sql`delete from idempotency_keys where created_at < ${createdBefore}`.execute(ex);
  return Number(r.numAffectedRows ?? 0n);
}
