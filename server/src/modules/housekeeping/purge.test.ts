import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { Worker } from '../../platform/jobs/worker';
import { useTestDatabase } from '../../testing/test-db';
import { PURGE_JOB, purgeJob, schedulePurge } from '.';

describe('S-15 rows that only protect for a while are purged by a job', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const app = createApp({ database, clock });
  const worker = new Worker(db, clock, new Map([[PURGE_JOB, purgeJob(clock)]]));
  // An anonymous POST with a key stores its 4xx under 'anonymous'; a wrong password counts an attempt.
  const anonymousPost = async (key: string, email: string) => {
    const stored = await app.request('/api/v1/partners', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body: JSON.stringify({}),
    });
    assert.ok(stored.status >= 400 && stored.status < 500);
    return app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'wrong-password' }),
    });
  };
  const count = async (table: 'idempotency_keys' | 'sign_in_counters') => {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db);
    return rows[0]?.n ?? 0;
  };
  const pendingPurges = async () => {
    const { rows } = await sql<{ run_at: Date }>`select run_at from jobs
      where kind = ${PURGE_JOB} and state = 'pending'`.execute(db);
    return rows.map((r) => r.run_at.toISOString());
  };

  it('S-15 idempotency keys older than 24 h and sign-in counters a day past their window go; fresh ones stay; the job reschedules itself once', async () => {
    assert.equal((await anonymousPost('old-key', 'old@example.com')).status, 401);
    const oldKeys = await count('idempotency_keys');
    const oldCounters = await count('sign_in_counters');
    assert.ok(oldKeys >= 1 && oldCounters >= 1, 'anonymous requests and failures write rows');

    clock.advance({ hours: 25 });
    assert.equal((await anonymousPost('new-key', 'new@example.com')).status, 401);
    const newCounters = (await count('sign_in_counters')) - oldCounters;

    await schedulePurge(db, clock);
    await schedulePurge(db, clock);
    assert.equal((await pendingPurges()).length, 1, 'one chain, however often workers start');
    assert.equal(await worker.drain(), 1);
    const { rows } = await sql<{ key: string }>`select key from idempotency_keys`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.key),
      ['new-key'],
    );
    // The 'address' counter is shared by both sign-ins and its window is still open, so it stays.
    assert.ok((await count('sign_in_counters')) <= newCounters + 1);
    assert.ok(
      (await sql<{ key: string }>`select key from sign_in_counters where key like 'old@%'`.execute(db)).rows
        .length === 0,
    );
    assert.deepEqual(await pendingPurges(), ['2026-11-21T04:00:00.000Z'], 'next run in an hour');
    assert.equal(await worker.drain(), 0, 'not due yet');
    clock.advance({ hours: 1 });
    assert.equal(await worker.drain(), 1, 'runs again on the server clock');
  });
});
