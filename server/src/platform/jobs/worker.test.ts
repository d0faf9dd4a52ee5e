import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDatabase } from '../../testing/test-db';
import { FakeClock, toDate } from '../clock';
import { claimJobs, countJobs, enqueueJob } from './jobs-store';
import { type JobHandler, Worker } from './worker';

describe('job outbox and worker', async () => {
  const { db } = await useTestDatabase();
  const clock = new FakeClock();

  it('a job enqueued in a rolled-back transaction never exists', async () => {
    const before = await countJobs(db, 'pending');
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await enqueueJob(tx, clock, 'notify', { to: 'x' });
        throw new Error('business step failed');
      }),
    );
    assert.equal(await countJobs(db, 'pending'), before);
  });

  it('runs committed jobs once, retries a failing one with backoff, then succeeds', async () => {
    const seen: string[] = [];
    let failOnce = true;
    const handlers = new Map<string, JobHandler>([
      ['notify', async (_tx, p) => void seen.push(String(p.to))],
      [
        'flaky',
        async () => {
          if (failOnce) {
            failOnce = false;
            throw new Error('smtp down');
          }
          seen.push('flaky');
        },
      ],
    ]);
    const worker = new Worker(db, clock, handlers);
    await db.transaction().execute(async (tx) => {
      await enqueueJob(tx, clock, 'notify', { to: 'a' });
      await enqueueJob(tx, clock, 'flaky', {});
    });
    await worker.drain();
    assert.deepEqual(seen, ['a']);
    await worker.drain();
    assert.deepEqual(seen, ['a'], 'the failed job waits for its backoff');
    clock.advance({ seconds: 3 });
    await worker.drain();
    assert.deepEqual(seen, ['a', 'flaky']);
    assert.equal(await countJobs(db, 'done'), 2);
  });

  it('concurrent claimers never take the same job (SKIP LOCKED)', async () => {
    await db.transaction().execute(async (tx) => {
      for (let i = 0; i < 30; i++) await enqueueJob(tx, clock, 'notify', { to: `c${i}` });
    });
    const now = toDate(clock.now());
    const batches = await Promise.all(
      Array.from({ length: 6 }, () => db.transaction().execute((tx) => claimJobs(tx, now, 10))),
    );
    const ids = batches.flat().map((j) => j.id);
    assert.equal(ids.length, 30);
    assert.equal(new Set(ids).size, 30);
  });
});
