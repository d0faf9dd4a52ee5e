import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { openDatabase } from '../../platform/db/database';
import { LISTEN_APPLICATION } from '../../platform/db/listen-store';
import { systemPrincipal } from '../../platform/principal';
import { makeUser } from '../../testing/auth-factory';
import { countedTestDatabase } from '../../testing/counted-db';
import { ENGINE } from '../../testing/test-db';
import { createApiKey, disableUser, PrincipalCache, revokeApiKey, type WatchEvent, watchPrincipals } from '.';

// Issue #11 (ADR 0011): a change made by another process — another API server on the same PostgreSQL,
// the CLI — reaches this process's cache through the trigger's NOTIFY. On PGlite only one process opens
// the data directory, so "elsewhere" is a write that bypasses the use cases (raw SQL); its NOTIFY still
// arrives, at COMMIT.
const KEY_LOOKUP = /from api_keys k join users u/i;

describe('S-11 the principal cache hears changes made elsewhere (NOTIFY)', async () => {
  const { database, statements, reset, url } = await countedTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const principals = new PrincipalCache();
  const events: WatchEvent[] = [];
  let wake: (() => void) | undefined;
  const watching = await watchPrincipals(database, principals, {
    retryMs: 20,
    onEvent: (e) => {
      events.push(e);
      wake?.();
    },
  });
  /** Waits (no timer: the test's own timeout bounds it) until an event after `from` matches. */
  const until = async (from: number, match: (e: WatchEvent) => boolean) => {
    while (!events.slice(from).some(match)) await new Promise<void>((r) => (wake = r));
  };
  const deps = { database, clock, principals };
  const app = createApp(deps);
  const system = systemPrincipal('cli');
  const me = (secret: string) =>
    app.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
  const lookups = () => statements.filter((s) => KEY_LOOKUP.test(s)).length;
  const cachedKey = async () => {
    const u = await makeUser(database, clock, { roles: ['sales'] });
    const k = await createApiKey(deps, system, u.id, 'ci');
    assert.equal((await me(k.secret)).status, 200);
    reset();
    assert.equal((await me(k.secret)).status, 200);
    assert.equal(lookups(), 0, 'served from the cache');
    return { userId: u.id, ...k };
  };
  // A second instance: its own pool, no cache of its own, nothing shared with the first but the database.
  const other = url ? await openDatabase({ url, poolSize: 2 }) : undefined;
  const elsewhere = { database: other ?? database, clock };

  it('S-11 the watcher switches the cache on once LISTEN is in effect', () => {
    assert.ok(events.some((e) => e.kind === 'listening' && e.on));
    assert.equal(principals.enabled, true);
  });

  it('S-11 a key revoked elsewhere is refused here once the NOTIFY arrives', {
    timeout: 20_000,
  }, async () => {
    const k = await cachedKey();
    const from = events.length;
    if (other) await revokeApiKey(elsewhere, system, k.id, 'other process');
    else await sql`update api_keys set revoked_at = now() where id = ${k.id}`.execute(database.db);
    await until(from, (e) => e.kind === 'drop' && e.userId === k.userId);
    assert.equal((await me(k.secret)).status, 401);
  });

  it('S-11 a user disabled elsewhere: its cached key is refused once the NOTIFY arrives', {
    timeout: 20_000,
  }, async () => {
    const k = await cachedKey();
    const from = events.length;
    if (other) await disableUser(elsewhere, system, k.userId, null);
    else await sql`update users set state = 'disabled' where id = ${k.userId}`.execute(database.db);
    await until(from, (e) => e.kind === 'drop' && e.userId === k.userId);
    assert.equal((await me(k.secret)).status, 401);
  });

  it('S-11 roles changed elsewhere apply once the NOTIFY arrives', { timeout: 20_000 }, async () => {
    const k = await cachedKey();
    const from = events.length;
    await sql`update users set roles = array['finance'] where id = ${k.userId}`.execute(
      other?.db ?? database.db,
    );
    await until(from, (e) => e.kind === 'drop' && e.userId === k.userId);
    const body = (await (await me(k.secret)).json()) as { roles: string[] };
    assert.deepEqual(body.roles, ['finance']);
  });

  it('S-11 the per-request writes notify nobody: last_used_at and a sliding session expiry', async () => {
    const k = await cachedKey();
    const from = events.length;
    const ex = other?.db ?? database.db;
    await sql`update api_keys set last_used_at = now() where id = ${k.id}`.execute(ex);
    await sql`insert into sessions (id, user_id, token_hash, created_at, last_seen_at, expires_at)
      values (${`ses_${k.id}`}, ${k.userId}, ${`hash_${k.id}`}, now(), now(), now() + interval '1 hour')`.execute(
      ex,
    );
    await sql`update sessions set last_seen_at = now(), expires_at = expires_at + interval '1 hour'
      where id = ${`ses_${k.id}`}`.execute(ex);
    // A notification that did fire would be delivered by now on PGlite; on pg the next drop would show it.
    await sql`update api_keys set revoked_at = now() where id = ${k.id}`.execute(ex);
    await until(from, (e) => e.kind === 'drop');
    assert.equal(events.slice(from).filter((e) => e.kind === 'drop').length, 1);
  });

  it('S-11 PostgreSQL: while the LISTEN connection is down the cache is off, and on again once back', {
    skip: ENGINE !== 'postgres' && 'PGlite notifies in-process; there is no connection to lose',
    timeout: 30_000,
  }, async () => {
    const k = await cachedKey();
    const from = events.length;
    await sql`select pg_terminate_backend(pid) from pg_stat_activity
      where application_name = ${LISTEN_APPLICATION} and datname = current_database()`.execute(
      other?.db ?? database.db,
    );
    await until(from, (e) => e.kind === 'listening' && !e.on);
    // Whatever comes first, the reconnection or these requests, a lost connection must not serve old rows.
    if (!principals.enabled) {
      reset();
      assert.equal((await me(k.secret)).status, 200);
      assert.equal(principals.size, 0, 'nothing is stored while off');
    }
    await until(from, (e) => e.kind === 'listening' && e.on);
    assert.equal(principals.enabled, true);
    reset();
    assert.equal((await me(k.secret)).status, 200);
    assert.equal((await me(k.secret)).status, 200);
    assert.equal(lookups(), 1, 'read once after the reconnect, then cached again');
  });

  it('closes', async () => {
    await watching.close();
    await other?.close();
  });
});
