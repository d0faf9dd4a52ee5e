import { newId } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Clock } from '../clock';
import { toDate } from '../clock';
import type { Exec } from '../db/database';
import { toJson } from '../json';

/**
 * Carried by every statement that inserts a job: the commit watch (platform/db/commit-watch.ts) wakes the
 * in-process worker once such a statement's transaction has committed — no extra statement per job.
 */
export const ENQUEUE_MARK = '/* jobs:enqueue */';
const mark = sql.raw(ENQUEUE_MARK);

export interface JobRow {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
}

/** Outbox: call with the transaction that makes the change, so the job exists iff the change does. */
export async function enqueueJob(
  ex: Exec,
  clock: Clock,
  kind: string,
  payload: Record<string, unknown>,
  runAt = clock.now(),
): Promise<string> {
  const id = newId('job', clock.now().epochMilliseconds);
  await sql`${mark} insert into jobs (id, kind, payload, run_at, created_at)
    values (${id}, ${kind}, ${toJson(payload)}::jsonb, ${toDate(runAt)}, ${toDate(clock.now())})`.execute(ex);
  return id;
}

/**
 * The outbox in the same statement as the change (issue #11, fewer round trips): `change` is a
 * data-modifying CTE (`name as (insert …)`) that always runs, and the job is added only where `when` holds.
 */
export async function changeAndEnqueueJobWhen(
  ex: Exec,
  clock: Clock,
  change: RawBuilder<unknown>,
  kind: string,
  payload: Record<string, unknown>,
  when: RawBuilder<unknown>,
): Promise<void> {
  const id = newId('job', clock.now().epochMilliseconds);
  const now = toDate(clock.now());
  await sql`${mark} with ${change} insert into jobs (id, kind, payload, run_at, created_at)
    select ${id}, ${kind}, ${toJson(payload)}::jsonb, ${now}, ${now} where ${when}`.execute(ex);
}

/**
 * Claims up to `limit` due jobs. `finished` (the previous batch's jobs that succeeded outside the
 * database) are marked done by the same statement, so a busy worker pays one statement per batch for both.
 */
export async function claimJobs(
  ex: Exec,
  now: Date,
  limit: number,
  leaseSeconds = 300,
  finished: readonly string[] = [],
): Promise<JobRow[]> {
  const lease = new Date(now.getTime() + leaseSeconds * 1000);
  // The finished rows are 'running' with an unexpired lease, so the claim below never picks them.
  const finishing =
    finished.length === 0
      ? sql``
      : sql`with finished as (update jobs set state = 'done', done_at = ${now}, locked_until = null
          where id = any(${[...finished]}::text[]))`;
  const { rows } = await sql<JobRow>`${finishing} update jobs set state = 'running', attempts = attempts + 1,
      locked_until = ${lease}
    where id in (
      select id from jobs
      where (state = 'pending' and run_at <= ${now}) or (state = 'running' and locked_until < ${now})
      order by run_at limit ${limit} for update skip locked)
    returning id, kind, payload, attempts`.execute(ex);
  return rows;
}

/** Marks a batch of jobs done in one statement (jobs whose effect is outside the database). */
export async function finishJobs(ex: Exec, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql`update jobs set state = 'done', done_at = ${now}, locked_until = null
    where id = any(${[...ids]}::text[])`.execute(ex);
}

export async function finishJob(ex: Exec, id: string, now: Date): Promise<void> {
  await sql`update jobs set state = 'done', done_at = ${now}, locked_until = null where id = ${id}`.execute(
    ex,
  );
}

export async function failJob(ex: Exec, id: string, error: string, retryAt: Date | null): Promise<void> {
  await sql`update jobs set state = ${retryAt ? 'pending' : 'dead'}, last_error = ${error},
    run_at = coalesce(${retryAt}, run_at), locked_until = null where id = ${id}`.execute(ex);
}

export async function countJobs(ex: Exec, state: string): Promise<number> {
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from jobs where state = ${state}`.execute(ex);
  return rows[0]?.n ?? 0;
}

/** Benchmarks (npm run bench): jobs of a kind still to run (pending or running) and done, in one read. */
export async function jobBacklog(ex: Exec, kind: string): Promise<{ waiting: number; done: number }> {
  const { rows } = await sql<{ waiting: number; done: number }>`select
      count(*) filter (where state in ('pending', 'running'))::int as waiting,
      count(*) filter (where state = 'done')::int as done
    from jobs where kind = ${kind}`.execute(ex);
  return rows[0] ?? { waiting: 0, done: 0 };
}

/** A recurring job's first run: enqueued unless one of its kind is already waiting or running. */
export async function ensureJobScheduled(ex: Exec, clock: Clock, kind: string): Promise<void> {
  const id = newId('job', clock.now().epochMilliseconds);
  const now = toDate(clock.now());
  await sql`${mark} insert into jobs (id, kind, payload, run_at, created_at)
    select ${id}, ${kind}, '{}'::jsonb, ${now}, ${now}
    where not exists (select 1 from jobs where kind = ${kind} and state in ('pending', 'running'))`.execute(
    ex,
  );
}
