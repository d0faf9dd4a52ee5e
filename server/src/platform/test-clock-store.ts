import { sql } from 'kysely';
import type { Exec } from './db/database';

export async function loadTestClockOffset(ex: Exec): Promise<number> {
  const { rows } = await sql<{ offset_ms: bigint }>`select offset_ms from test_clock where id = 1`.execute(
    ex,
  );
  return Number(rows[0]?.offset_ms ?? 0n);
}

export async function saveTestClockOffset(ex: Exec, offsetMs: number, at: Date): Promise<void> {
  await sql`insert into test_clock (id, offset_ms, updated_at) values (1, ${BigInt(offsetMs)}, ${at})
    on conflict (id) do update set offset_ms = excluded.offset_ms, updated_at = excluded.updated_at`.execute(
    ex,
  );
}
