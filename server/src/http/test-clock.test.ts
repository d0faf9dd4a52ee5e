import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { enqueueJob } from '../platform/jobs/jobs-store';
import { Worker } from '../platform/jobs/worker';
import { readServerConfig } from '../platform/server-config';
import { TestClock } from '../platform/test-clock';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { signIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

describe('S-18 R34 the test clock', async () => {
  const database = await useTestDatabase();
  const real = new FakeClock('2026-11-25T02:00:00Z');
  const clock = new TestClock(real, database.db);
  await seedDemo({ database, clock });
  const app = createApp({ database, clock, testClock: clock });
  const plain = createApp({ database, clock: real });
  let admin = await signIn(app, 'admin@kaidan.demo', DEMO_PASSWORD);
  let agent = await signIn(app, 'agent@kaidan.demo', DEMO_PASSWORD);
  // Moving the clock past a session's 12 idle hours ends it, as real time would: sign in again.
  const fresh = async () => {
    admin = await signIn(app, 'admin@kaidan.demo', DEMO_PASSWORD);
    agent = await signIn(app, 'agent@kaidan.demo', DEMO_PASSWORD);
  };
  const move = (cookie: string, body: unknown) =>
    app.request('/api/v1/test-clock', {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('S-18 without KAIDAN_TEST_CLOCK the route does not exist (404) and health says so', async () => {
    assert.equal((await plain.request('/api/v1/test-clock', { headers: { cookie: admin } })).status, 404);
    assert.equal((await move(admin, {})).status !== 404, true, 'exists with the flag');
    const noFlag = await plain.request('/api/v1/test-clock', {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ advance: 'P3D' }),
    });
    assert.equal(noFlag.status, 404);
    const h = (await (await plain.request('/api/v1/health')).json()) as { testClock: boolean };
    assert.equal(h.testClock, false);
  });

  it('S-18 only an admin reads or moves the clock (403 for a partner agent)', async () => {
    assert.equal((await app.request('/api/v1/test-clock', { headers: { cookie: agent } })).status, 403);
    assert.equal((await move(agent, { advance: 'P1D' })).status, 403);
    assert.equal((await app.request('/api/v1/test-clock')).status, 401);
  });

  it('S-18 R34 the admin sets the time; a top-up submitted then is due 3 business days later and is overdue after advancing', async () => {
    const set = await move(admin, { now: '2026-12-04T02:00:00Z' });
    assert.equal(set.status, 200);
    const s = (await set.json()) as { now: string; offsetSeconds: number };
    assert.match(s.now, /^2026-12-04T02:00:00/);
    await fresh();
    const h = (await (await app.request('/api/v1/health')).json()) as { testClock: boolean; now: string };
    assert.equal(h.testClock, true);
    assert.match(h.now, /^2026-12-04T02:00/);
    const filed = await app.request('/api/v1/topups', {
      method: 'POST',
      headers: { cookie: agent, 'content-type': 'application/json' },
      body: JSON.stringify({
        walletOwnerType: 'partner',
        walletOwnerId: 'prt_demo_liyan',
        payer: '李艳',
        currency: 'CNY',
        amount: '5.00',
        bankRef: 'TC-1',
        submit: true,
      }),
    });
    assert.equal(filed.status, 201, await filed.clone().text());
    const { id } = (await filed.json()) as { id: string };
    const read = async () =>
      (await (await app.request(`/api/v1/requests/${id}`, { headers: { cookie: agent } })).json()) as {
        request?: { dueAt: string; overdue: boolean };
        dueAt?: string;
        overdue?: boolean;
      };
    const r1 = await read();
    // Friday 2026-12-04 in Shanghai: Mon 7, Tue 8, Wed 9 → due at the end of 2026-12-09.
    assert.equal(r1.request?.dueAt ?? r1.dueAt, '2026-12-09T15:59:59.999Z');
    assert.equal(r1.request?.overdue ?? r1.overdue, false);
    const adv = await move(admin, { advance: 'P6D' });
    assert.equal(adv.status, 200);
    await fresh();
    const r2 = await read();
    assert.equal(r2.request?.overdue ?? r2.overdue, true);
  });

  it('S-18 never backwards: an earlier time or a negative duration is refused on the field', async () => {
    const back = await move(admin, { now: '2026-11-01T00:00:00Z' });
    assert.equal(back.status, 422);
    assert.equal(((await back.json()) as { code: string }).code, 'TEST_CLOCK_BACKWARDS');
    assert.equal((await move(admin, { advance: '-P1D' })).status, 422);
    assert.equal((await move(admin, { advance: 'three days' })).status, 422);
    assert.equal((await move(admin, { advance: 'P900000Y' })).status, 422);
  });

  it('S-18 jobs follow the test clock: a job due in two days runs once the clock is advanced past it', async () => {
    let ran = 0;
    const worker = new Worker(database.db, clock, new Map([['tc_probe', async () => void ran++]]));
    await enqueueJob(database.db, clock, 'tc_probe', {}, clock.now().add({ hours: 48 }));
    await worker.drain();
    assert.equal(ran, 0);
    await fresh();
    assert.equal((await move(admin, { advance: 'P3D' })).status, 200);
    await worker.drain();
    assert.equal(ran, 1);
  });

  it('S-18 the offset survives a restart (kept in the database)', async () => {
    const again = new TestClock(real, database.db);
    await again.load();
    assert.equal(again.now().toString(), clock.now().toString());
  });

  it('S-18 refused at start when NODE_ENV=production, with a clear message; off by default', () => {
    assert.throws(
      () => readServerConfig({ KAIDAN_TEST_CLOCK: '1', NODE_ENV: 'production' }),
      /KAIDAN_TEST_CLOCK=1 is refused when NODE_ENV=production/,
    );
    assert.equal(readServerConfig({}).testClock, false);
    assert.equal(readServerConfig({ KAIDAN_TEST_CLOCK: '1' }).testClock, true);
  });
});
