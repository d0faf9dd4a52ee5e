import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

export type ThrottleScope = 'pair' | 'address' | 'account';

export interface AttemptLimit {
  scope: ThrottleScope;
  key: string;
  max: number;
  windowSeconds: number;
  /** Strikes double the window each time a window ended with the limit reached, up to this many. */
  maxStrikes: number;
}

/**
 * Takes one attempt under a limit in one statement: the upsert's WHERE is evaluated on the locked row, so
 * concurrent attempts are serialised by the row lock and never more than `max` are let through per window.
 * Answers null when taken, or the instant the current window ends when the limit is reached.
 */
export async function takeAttempt(ex: Exec, l: AttemptLimit, now: Date): Promise<Date | null> {
  const live = sql`c.window_until > ${now}`;
  const strikes = sql`case when ${live} then c.strikes
      when c.count >= ${l.max} then least(c.strikes + 1, ${l.maxStrikes}::int) else 0 end`;
  const { rows } = await sql<{ count: number }>`insert into sign_in_counters as c
      (scope, key, count, strikes, window_until)
    values (${l.scope}, ${l.key}, 1, 0, ${now}::timestamptz + make_interval(secs => ${l.windowSeconds}::float8))
    on conflict (scope, key) do update set
      strikes = ${strikes},
      count = case when ${live} then c.count + 1 else 1 end,
      window_until = case when ${live} then c.window_until
        else ${now}::timestamptz + make_interval(secs => ${l.windowSeconds}::float8 * power(2, ${strikes})) end
    where not (${live}) or c.count < ${l.max}
    returning count`.execute(ex);
  if (rows.length > 0) return null;
  const held = await sql<{ window_until: Date }>`select window_until from sign_in_counters
    where scope = ${l.scope} and key = ${l.key}`.execute(ex);
  return held.rows[0]?.window_until ?? now;
}

/** A successful sign-in gives its attempt back, so the owner's own sign-ins never use up a limit. */
export async function giveBackAttempt(ex: Exec, scope: ThrottleScope, key: string): Promise<void> {
  await sql`update sign_in_counters set count = greatest(count - 1, 0)
    where scope = ${scope} and key = ${key}`.execute(ex);
}

/** The owner proved the password from this address: its strikes there are forgiven. */
export async function clearAttempts(ex: Exec, scope: ThrottleScope, key: string): Promise<void> {
  await sql`delete from sign_in_counters where scope = ${scope} and key = ${key}`.execute(ex);
}

/**
 * Item 15: counters whose window ended more than `keep` ago say nothing any more (their strikes are
 * forgotten with them). Answers how many rows went.
 */
export async function purgeSignInCounters(ex: Exec, endedBefore: Date): Promise<number> {
  const r = await sql`delete from sign_in_counters where window_until < ${endedBefore}`.execute(ex);
  return Number(r.numAffectedRows ?? 0n);
}
