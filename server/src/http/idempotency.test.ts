import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Hono } from 'hono';
import { sql } from 'kysely';
import { FakeClock } from '../platform/clock';
import { claimKey, PENDING_LEASE_MS } from '../platform/idempotency/idempotency-store';
import { useTestDatabase } from '../testing/test-db';
import { fromDbError } from './db-errors';
import { idempotency } from './idempotency';
import { problem } from './problem';

describe('Idempotency-Key on POST', async () => {
  const { db } = await useTestDatabase();
  const clock = new FakeClock();
  await sql`create table t_effects (id serial primary key, note text not null)`.execute(db);
  const app = new Hono();
  app.onError((err, c) => problem(c, fromDbError(err) ?? err));
  app.use(idempotency(db, clock, (c) => c.req.header('x-test-principal') ?? 'anon'));
  app.post('/effects', async (c) => {
    const { note } = await c.req.json<{ note: string }>();
    const { rows } = await sql<{
      id: number;
    }>`insert into t_effects (note) values (${note}) returning id`.execute(db);
    return c.json({ id: rows[0]?.id, note }, 201);
  });
  let crashNext = true;
  app.post('/crashy', async (c) => {
    if (crashNext) {
      crashNext = false;
      throw new Error('database went away');
    }
    await sql`insert into t_effects (note) values ('crashy')`.execute(db);
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
    await sql`insert into t_effects (note) values ('contended')`.execute(db);
    return c.json({ ok: true }, 201);
  });
  const post = (key: string, note: string, principal = 'p1') =>
    app.request('/effects', {
      method: 'POST',
      headers: { 'idempotency-key': key, 'content-type': 'application/json', 'x-test-principal': principal },
      body: JSON.stringify({ note }),
    });
  const count = async (note: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from t_effects where note = ${note}`.execute(db))
      .rows[0]?.n;

  it('100 concurrent duplicates of one POST produce one effect and the same response', async () => {
    const responses = await Promise.all(Array.from({ length: 100 }, () => post('k-100', 'hundred')));
    assert.equal(await count('hundred'), 1);
    const bodies = await Promise.all(responses.map((r) => r.text()));
    assert.ok(responses.every((r) => r.status === 201));
    assert.equal(new Set(bodies).size, 1);
  });

  it('the same key with another body is refused with 422 and nothing happens', async () => {
    assert.equal((await post('k-2', 'first')).status, 201);
    const res = await post('k-2', 'second');
    assert.equal(res.status, 422);
    const body = (await res.json()) as { code: string; message: { zh: string } };
    assert.equal(body.code, 'IDEMPOTENCY_KEY_REUSED');
    assert.ok(body.message.zh.length > 0);
    assert.equal(await count('second'), 0);
  });

  it('keys are per principal: another caller with the same key gets its own effect', async () => {
    await post('k-3', 'shared');
    await post('k-3', 'shared', 'p2');
    assert.equal(await count('shared'), 2);
  });

  it('a request that failed with a 5xx gives its key back, so the retry runs', async () => {
    const send = () =>
      app.request('/crashy', { method: 'POST', headers: { 'idempotency-key': 'k-4' }, body: '{}' });
    assert.equal((await send()).status, 500);
    assert.equal((await send()).status, 201);
    assert.equal((await send()).headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('crashy'), 1);
  });

  it('a request refused with 409 RETRY (a serialization failure) gives its key back, so the retry runs', async () => {
    const send = () =>
      app.request('/contended', { method: 'POST', headers: { 'idempotency-key': 'k-5' }, body: '{}' });
    const first = await send();
    assert.equal(first.status, 409);
    assert.equal(((await first.json()) as { code: string }).code, 'RETRY');
    const retry = await send();
    assert.equal(retry.status, 201, 'the retry runs instead of replaying the conflict');
    assert.equal(retry.headers.get('idempotent-replayed'), null);
    assert.equal((await send()).headers.get('idempotent-replayed'), 'true');
    assert.equal(await count('contended'), 1);
  });

  it('a key left pending by a process that died is taken over by the retry after the lease', async () => {
    const hash = 'h-crashed';
    const t0 = new Date('2026-11-20T02:00:00Z');
    assert.equal(await claimKey(db, 'p-crash', 'k-crash', hash, t0), true);
    assert.equal(
      await claimKey(db, 'p-crash', 'k-crash', hash, new Date(t0.getTime() + 1_000)),
      false,
      'still leased',
    );
    assert.equal(
      await claimKey(db, 'p-crash', 'k-crash', 'other-body', new Date(t0.getTime() + PENDING_LEASE_MS + 1)),
      false,
    );
    assert.equal(
      await claimKey(db, 'p-crash', 'k-crash', hash, new Date(t0.getTime() + PENDING_LEASE_MS + 1)),
      true,
    );
  });
});
