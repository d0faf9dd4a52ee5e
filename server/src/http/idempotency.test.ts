import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { FakeClock } from '../platform/clock';
import { AppError } from '../platform/errors';
import { lockAndReadKey } from '../platform/idempotency/idempotency-store';
import { useTestDatabase } from '../testing/test-db';
import { fromDbError } from './db-errors';
import { idempotency } from './idempotency';
import { problem } from './problem';

describe('Idempotency-Key on POST (invariant 6)', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock();
  await sql`create table t_effects (id serial primary key, note text not null)`.execute(db);
  const app = new Hono();
  app.onError((err, c) => problem(c, fromDbError(err) ?? err));
  app.use(idempotency(database, clock, (c) => c.req.header('x-test-principal') ?? 'anon'));
  const effect = async (note: string) =>
    (await sql<{ id: number }>`insert into t_effects (note) values (${note}) returning id`.execute(db))
      .rows[0]?.id;
  app.post('/effects', async (c) => {
    const { note } = await c.req.json<{ note: string }>();
    return c.json({ id: await effect(note), note }, 201);
  });
  let crashNext = true;
  app.post('/crashy', async (c) => {
    await effect('crashy-half');
    if (crashNext) {
      crashNext = false;
      throw new Error('database went away');
    }
    await effect('crashy');
    return c.json({ ok: true }, 201);
  });
  let contendNext = true;
  app.post('/contended', async (c) => {
    if (contendNext) {
      contendNext = false;
      // What PostgreSQL raises when a concurrent transaction wins (SQLSTATE 40001).
      await sql`do $$ begin raise exception 'could not serialize access' using errcode = '40001'; end $$`.execute(
        db,
      );
    }
    await effect('contended');
    return c.json({ ok: true }, 201);
  });
  app.post('/refused', async () => {
    await effect('refused-half');
    throw new AppError({ status: 422, code: 'NO', message: { zh: '不行', en: 'No' } });
  });
  let openGate: () => void = () => {};
  let entered: () => void = () => {};
  const inHandler = new Promise<void>((r) => {
    entered = r;
  });
  app.post('/slow', async (c) => {
    await effect('slow');
    entered();
    await new Promise<void>((r) => {
      openGate = r;
    });
    return c.json({ ok: true }, 201);
  });
  const post = (path: string, key: string, body: unknown = {}, principal = 'p1') =>
    app.request(path, {
      method: 'POST',
      headers: { 'idempotency-key': key, 'content-type': 'application/json', 'x-test-principal': principal },
      body: JSON.stringify(body),
    });
  const count = async (note: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from t_effects where note = ${note}`.execute(db))
      .rows[0]?.n;

  it('100 concurrent duplicates of one POST produce one effect; each answer is that one or "in progress, retry"', async () => {
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => post('/effects', 'k-100', { note: 'hundred' })),
    );
    assert.equal(await count('hundred'), 1);
    const created = responses.filter((r) => r.status === 201);
    const waiting = responses.filter((r) => r.status === 409);
    assert.equal(created.length + waiting.length, 100);
    assert.ok(created.length >= 1);
    for (const r of waiting) assert.equal(r.headers.get('retry-after'), '1');
    assert.equal(new Set(await Promise.all(created.map((r) => r.text()))).size, 1);
    const again = await post('/effects', 'k-100', { note: 'hundred' });
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('hundred'), 1);
  });

  it('a retry while the first is in flight answers 409 IDEMPOTENCY_IN_PROGRESS with Retry-After, then replays', async () => {
    const first = post('/slow', 'k-slow');
    await inHandler;
    const dup = await post('/slow', 'k-slow');
    assert.equal(dup.status, 409);
    assert.equal(((await dup.json()) as { code: string }).code, 'IDEMPOTENCY_IN_PROGRESS');
    assert.equal(dup.headers.get('retry-after'), '1');
    openGate();
    assert.equal((await first).status, 201);
    assert.equal((await post('/slow', 'k-slow')).headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('slow'), 1);
  });

  it('the same key with another body is refused with 422 and nothing happens', async () => {
    assert.equal((await post('/effects', 'k-2', { note: 'first' })).status, 201);
    const res = await post('/effects', 'k-2', { note: 'second' });
    assert.equal(res.status, 422);
    const body = (await res.json()) as { code: string; message: { zh: string } };
    assert.equal(body.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.ok(body.message.zh.length > 0);
    assert.equal(await count('second'), 0);
  });

  it('keys are per principal: another caller with the same key gets its own effect', async () => {
    await post('/effects', 'k-3', { note: 'shared' });
    await post('/effects', 'k-3', { note: 'shared' }, 'p2');
    assert.equal(await count('shared'), 2);
  });

  it('a request that fails half-way leaves no effect and gives its key back, so the retry runs once', async () => {
    assert.equal((await post('/crashy', 'k-4')).status, 500);
    assert.equal(await count('crashy-half'), 0, 'what the failed request wrote is rolled back with it');
    assert.equal((await post('/crashy', 'k-4')).status, 201);
    assert.equal((await post('/crashy', 'k-4')).headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('crashy'), 1);
    assert.equal(await count('crashy-half'), 1);
  });

  it('a refusal undoes what the handler wrote and is replayed as it was', async () => {
    const first = await post('/refused', 'k-6');
    assert.equal(first.status, 422);
    const replayed = await post('/refused', 'k-6');
    assert.equal(replayed.status, 422);
    assert.equal(replayed.headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('refused-half'), 0);
  });

  it('a request refused with 409 RETRY (a serialization failure) gives its key back, so the retry runs', async () => {
    const first = await post('/contended', 'k-5');
    assert.equal(first.status, 409);
    assert.equal(((await first.json()) as { code: string }).code, 'RETRY');
    const retry = await post('/contended', 'k-5');
    assert.equal(retry.status, 201, 'the retry runs instead of replaying the conflict');
    assert.equal(retry.headers.get('idempotent-replayed'), null);
    assert.equal((await post('/contended', 'k-5')).headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('contended'), 1);
  });

  it('the stored answer is written in the effect’s transaction: an uncommitted effect leaves no key behind', async () => {
    const keys = async () =>
      (
        await sql<{ n: number }>`select count(*)::int as n from idempotency_keys where key = 'k-4'`.execute(
          db,
        )
      ).rows[0]?.n;
    assert.equal(await keys(), 1, 'one key for the one committed effect of k-4');
  });

  it('another process with the same key in flight is seen through the advisory lock (PostgreSQL)', {
    skip: database.engine !== 'postgres' && 'PGlite is one process with one connection',
  }, async () => {
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let taken: () => void = () => {};
    const isTaken = new Promise<void>((r) => {
      taken = r;
    });
    const first = database.inScope(async () => {
      const r = await lockAndReadKey(db, 'p-x', 'k-x');
      taken();
      await held;
      return { commit: false, value: r.locked };
    });
    await isTaken;
    const second = await database.inScope(async () => ({
      commit: false,
      value: (await lockAndReadKey(db, 'p-x', 'k-x')).locked,
    }));
    release();
    assert.equal(await first, true);
    assert.equal(second, false, 'the second holder of the key is told it is in flight');
  });
});
