import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';

// The only SQL of the daily job's run log: per business day and step, what its last run made and how
// many times the day ran (an operator's re-run shows as runs > 1 with nothing new made).

export async function recordRun(
  ex: Exec,
  clock: Clock,
  day: string,
  step: string,
  created: Record<string, number>,
): Promise<void> {
  await sql`insert into billing_runs (day, step, created, finished_at)
    values (${day}::date, ${step}, ${JSON.stringify(created)}::jsonb, ${toDate(clock.now())})
    on conflict (day, step) do update set created = excluded.created, runs = billing_runs.runs + 1,
      finished_at = excluded.finished_at`.execute(ex);
}

export interface RunRow {
  day: string;
  step: string;
  created: Record<string, number>;
  runs: number;
  finished_at: Date;
}

export async function runsOf(ex: Exec, day: string): Promise<RunRow[]> {
  const { rows } = await sql<RunRow>`select day, step, created, runs, finished_at from billing_runs
    where day = ${day}::date and step <> ${SCHEDULED} order by step`.execute(ex);
  return rows;
}

/** The chain's link to `day`: true for the one caller that may enqueue its job; a repeat finds it taken. */
const SCHEDULED = 'scheduled';
export async function claimSchedule(ex: Exec, clock: Clock, day: string): Promise<boolean> {
  const r = await sql`insert into billing_runs (day, step, created, runs, finished_at)
    values (${day}::date, ${SCHEDULED}, '{}'::jsonb, 0, ${toDate(clock.now())})
    on conflict (day, step) do nothing`.execute(ex);
  return (r.numAffectedRows ?? 0n) === 1n;
}
