import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { freshTestDatabase } from '../../testing/test-db';
import { FakeClock } from '../clock';
import type { DatabaseOptions } from '../db/database';
import { ENQUEUE_MARK, enqueueJob } from './jobs-store';
import { externalBatchJob, externalJob, type JobHandler, MAX_ATTEMPTS, Worker } from './worker';

// Issue #11 "side effects keep pace": batches run concurrently, external jobs finish in one statement per
// batch, a committed job wakes the worker — and none of it may run a job twice or lose a retry.

/** A fresh migrated database of the current engine, opened with the options under test. */
async function freshDatabase(opts: Pick<DatabaseOptions, 'onQuery' | 'commitWatch'>) {
  return (await freshTestDatabase(opts)).database;
}

interface JobState {
  state: string;
  attempts: number;
  run_at: Date;
  last_error: string | null;
}

describe('S-11 the jobs worker keeps pace', async () => {
  const statements: string[] = [];
  let commits = 0;
  const database = await freshDatabase({
    onQuery: (e) => void statements.push(e.query.sql.replace(/\s+/g, ' ').trim()),
    commitWatch: { marker: ENQUEUE_MARK, onCommit: () => void commits++ },
  });
  const { db } = database;
  const clock = new FakeClock();
  const enqueue = (kind: string, n: number) =>
    db.transaction().execute(async (tx) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await enqueueJob(tx, clock, kind, { i }));
      return ids;
    });
  const jobsOf = async (kind: string) =>
    (
      await sql<JobState & { id: string }>`select id, state, attempts, run_at, last_error from jobs
        where kind = ${kind} order by id`.execute(db)
    ).rows;

  it('S-11 two workers draining at once run every job exactly once (external and in-transaction jobs)', async () => {
    await enqueue('pace.ext', 60);
    await enqueue('pace.tx', 40);
    const runs = new Map<string, number>();
    const count = (id: string) => runs.set(id, (runs.get(id) ?? 0) + 1);
    const handlers = new Map<string, JobHandler>([
      ['pace.ext', externalJob(async (_ex, _p, job) => void count(job.id))],
      ['pace.tx', async (_tx, _p, job) => void count(job.id)],
    ]);
    const opts = { batch: 7, concurrency: 4 };
    const [a, b] = [
      new Worker(db, clock, handlers, undefined, opts),
      new Worker(db, clock, handlers, undefined, opts),
    ];
    const ran = await Promise.all([a.drain(), b.drain()]);
    assert.equal(ran[0] + ran[1], 100);
    assert.equal(runs.size, 100);
    assert.deepEqual([...new Set(runs.values())], [1], 'no job ran twice');
    const states = [...(await jobsOf('pace.ext')), ...(await jobsOf('pace.tx'))];
    assert.ok(states.every((j) => j.state === 'done' && j.attempts === 1));
  });

  it('S-11 a batch of external jobs is marked done by one statement, the next claim', async () => {
    await enqueue('pace.batch', 10);
    const worker = new Worker(db, clock, new Map([['pace.batch', externalJob(async () => {})]]), undefined, {
      batch: 32,
    });
    statements.length = 0;
    assert.equal(await worker.drain(), 10);
    const finishing = statements.filter((s) => s.includes("update jobs set state = 'done'"));
    assert.equal(finishing.length, 1, statements.join('\n'));
    assert.equal(statements.length, 2, `claim, then finish + empty claim:\n${statements.join('\n')}`);
    assert.ok((await jobsOf('pace.batch')).every((j) => j.state === 'done'));
  });

  it('S-11 a batched external handler reads once per batch; a failed read retries that batch only', async () => {
    const ids = await enqueue('pace.read', 12);
    const loads: number[] = [];
    let failLoad = false;
    const sent: string[] = [];
    const handler = externalBatchJob<string>({
      async load(ex, jobs) {
        loads.push(jobs.length);
        if (failLoad) throw new Error('read failed');
        await sql`select 1`.execute(ex);
        return new Map(jobs.map((j) => [j.id, `item-${j.id}`]));
      },
      async send(item, job) {
        assert.equal(item, `item-${job.id}`);
        sent.push(job.id);
      },
    });
    const worker = new Worker(db, clock, new Map([['pace.read', handler]]), undefined, { batch: 5 });
    statements.length = 0;
    assert.equal(await worker.drain(), 12);
    assert.deepEqual(loads, [5, 5, 2], 'one read per claimed batch');
    assert.deepEqual([...sent].sort(), [...ids].sort());
    // a claim (finishing the batch before it) and a read per batch, then the finishing empty claim
    assert.equal(statements.length, 7, statements.join('\n'));
    await enqueue('pace.read', 3);
    failLoad = true;
    loads.length = 0;
    await worker.drain();
    const left = (await jobsOf('pace.read')).filter((j) => j.state !== 'done');
    assert.equal(left.length, 3);
    assert.ok(
      left.every((j) => j.state === 'pending' && j.attempts === 1 && /read failed/.test(j.last_error ?? '')),
    );
    failLoad = false;
    clock.advance({ seconds: 3 });
    assert.equal(await worker.drain(), 3);
    assert.ok((await jobsOf('pace.read')).every((j) => j.state === 'done'));
  });

  it('S-11 a batch whose one job fails retries only that job, with backoff', async () => {
    const ids = await enqueue('pace.flaky', 5);
    const failing = ids[2];
    const seen: string[] = [];
    let refuse = true;
    const handler = externalJob(async (_ex, _p, job) => {
      if (job.id === failing && refuse) {
        refuse = false;
        throw new Error('451 try again later');
      }
      seen.push(job.id);
    });
    const worker = new Worker(db, clock, new Map([['pace.flaky', handler]]), undefined, { concurrency: 3 });
    await worker.drain();
    assert.equal(seen.length, 4);
    const after1 = await jobsOf('pace.flaky');
    assert.deepEqual(
      after1.filter((j) => j.state !== 'done').map((j) => j.id),
      [failing],
    );
    const f = after1.find((j) => j.id === failing);
    assert.equal(f?.state, 'pending');
    assert.equal(f?.attempts, 1);
    assert.match(f?.last_error ?? '', /451/);
    assert.equal(await worker.drain(), 0, 'the failed job waits for its backoff');
    clock.advance({ seconds: 3 });
    seen.length = 0;
    assert.equal(await worker.drain(), 1);
    assert.deepEqual(seen, [failing], 'only the failed job ran again');
    assert.ok((await jobsOf('pace.flaky')).every((j) => j.state === 'done'));
  });

  it(`S-11 a job that keeps failing backs off 2^attempts s and is dead after ${MAX_ATTEMPTS} attempts`, async () => {
    const [id] = await enqueue('pace.doomed', 1);
    let calls = 0;
    const worker = new Worker(
      db,
      clock,
      new Map([
        [
          'pace.doomed',
          externalJob(async () => {
            calls++;
            throw new Error('550 mailbox unavailable');
          }),
        ],
      ]),
    );
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      assert.equal(await worker.drain(), 1, `attempt ${attempt}`);
      const [j] = (await jobsOf('pace.doomed')).filter((x) => x.id === id);
      if (attempt < MAX_ATTEMPTS) {
        assert.equal(j?.state, 'pending');
        const waitMs = (j?.run_at.getTime() ?? 0) - clock.now().epochMilliseconds;
        assert.equal(waitMs, 2 ** attempt * 1000);
        clock.advance({ milliseconds: waitMs });
      } else {
        assert.equal(j?.state, 'dead');
        assert.match(j?.last_error ?? '', /550/);
      }
    }
    clock.advance({ hours: 24 });
    assert.equal(await worker.drain(), 0);
    assert.equal(calls, MAX_ATTEMPTS);
  });

  it('S-11 the commit watch fires after a committed enqueue only: not before commit, not on rollback', async () => {
    const before = commits;
    await db.transaction().execute(async (tx) => {
      await enqueueJob(tx, clock, 'pace.watch', {});
      assert.equal(commits, before, 'nothing before the commit');
    });
    assert.equal(commits, before + 1);
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await enqueueJob(tx, clock, 'pace.watch', {});
        throw new Error('the decision failed');
      }),
    );
    await db.transaction().execute((tx) => sql`select 1`.execute(tx));
    assert.equal(commits, before + 1, 'a rollback, and a commit without a job, wake nobody');
    await enqueueJob(db, clock, 'pace.watch', {});
    assert.equal(commits, before + 2, 'a statement outside a transaction is its own commit');
    await database.inScope(async () => {
      await db.transaction().execute((tx) => enqueueJob(tx, clock, 'pace.watch', {}));
      assert.equal(commits, before + 2, 'a use case inside a request scope commits with the scope');
      return { commit: true, value: undefined };
    });
    assert.equal(commits, before + 3);
  });

  it('S-11 a started worker runs a committed job without waiting for its poll', {
    timeout: 30_000,
  }, async () => {
    let wake = () => {};
    let polled!: () => void;
    const firstPoll = new Promise<void>((resolve) => {
      polled = resolve;
    });
    const woken = await freshDatabase({
      onQuery: (e) => {
        if (e.query.sql.includes("update jobs set state = 'running'")) polled();
      },
      commitWatch: { marker: ENQUEUE_MARK, onCommit: () => wake() },
    });
    let ran!: () => void;
    const done = new Promise<void>((resolve) => {
      ran = resolve;
    });
    const worker = new Worker(woken.db, clock, new Map([['pace.wake', externalJob(async () => ran())]]));
    wake = () => worker.wake();
    worker.start(3_600_000); // an hour: only the wake-up can run the job before the test times out
    await firstPoll; // it found nothing
    await woken.db.transaction().execute((tx) => enqueueJob(tx, clock, 'pace.wake', {}));
    await done;
    await worker.stop();
    const { rows } = await sql<{ state: string }>`select state from jobs where kind = 'pace.wake'`.execute(
      woken.db,
    );
    assert.deepEqual(
      rows.map((r) => r.state),
      ['done'],
      'the short batch is marked done before the loop sleeps',
    );
  });
});
