import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

export async function recentFailures(ex: Exec, emailKey: string, since: Date): Promise<number> {
  const { rows } = await sql<{ n: bigint }>`select count(*)::int8 as n from sign_in_failures
    where email_key = ${emailKey} and at >= ${since}`.execute(ex);
  return Number(rows[0]?.n ?? 0n);
}

export async function recordFailure(ex: Exec, emailKey: string, at: Date): Promise<void> {
  await sql`insert into sign_in_failures (email_key, at) values (${emailKey}, ${at})`.execute(ex);
}

export async function clearFailures(ex: Exec, emailKey: string): Promise<void> {
  await sql`delete from sign_in_failures where email_key = ${emailKey}`.execute(ex);
}
