import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { makeUser, signIn } from '../../testing/auth-factory';
import { countedTestDatabase } from '../../testing/counted-db';
import { createApiKey, PrincipalCache } from '.';

// Issue #11: the credential → principal row is cached in the process (ADR 0011). These tests use the
// in-process invalidation only (no watcher), so each change below must drop the entry by itself.
const KEY_LOOKUP = /from api_keys k join users u/i;
const SESSION_LOOKUP = /from sessions s join users u/i;
const KEY_TOUCH = /^update api_keys set last_used_at/i;

describe('S-11 the API key and session cache', async () => {
  const { database, statements, reset } = await countedTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  let ms = 0;
  const principals = new PrincipalCache({ now: () => ms });
  const deps = { database, clock, principals };
  const app = createApp(deps);
  const system = systemPrincipal('cli');
  const adminUser = await makeUser(database, clock, { roles: ['admin'] });
  const admin = await signIn(app, adminUser.email, adminUser.password);
  const send = (method: string, path: string, auth: Record<string, string>, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });
  const me = (auth: Record<string, string>) => send('GET', '/api/v1/me', auth);
  const count = (re: RegExp) => statements.filter((s) => re.test(s)).length;
  const newKey = async (roles: Parameters<typeof makeUser>[2]['roles'] = ['sales'], expiresAt?: string) => {
    const u = await makeUser(database, clock, { roles });
    const k = await createApiKey(deps, system, u.id, 'ci', expiresAt ?? null);
    return { user: u, ...k };
  };

  it('S-11 a second request with the same key issues no key lookup; the touch stays once per 5 minutes', async () => {
    const k = await newKey();
    reset();
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 1, statements.join('\n'));
    assert.equal(count(KEY_TOUCH), 1, 'first use records last_used_at');
    reset();
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 0, statements.join('\n'));
    assert.equal(count(KEY_TOUCH), 0, 'no touch within TOUCH_EVERY');
    clock.advance({ minutes: 5 });
    reset();
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 0);
    assert.equal(count(KEY_TOUCH), 1, 'one touch once TOUCH_EVERY has passed, from the cached row');
  });

  it('S-11 revoking a key: the very next request is 401 (also inside an Idempotency-Key request scope)', async () => {
    for (const scoped of [false, true]) {
      const k = await newKey();
      assert.equal((await me(bearer(k.secret))).status, 200);
      const res = await send(
        'POST',
        `/api/v1/api-keys/${k.id}/revoke`,
        {
          cookie: admin,
          ...(scoped ? { 'idempotency-key': `revoke-${k.id}` } : {}),
        },
        {},
      );
      assert.equal(res.status, 204, await res.text());
      assert.equal((await me(bearer(k.secret))).status, 401, `scoped=${scoped}`);
    }
  });

  it('S-11 disabling the user: its cached key and session are refused on the next request', async () => {
    const k = await newKey();
    const cookie = await signIn(app, k.user.email, k.user.password);
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal((await me({ cookie })).status, 200);
    const res = await send('POST', `/api/v1/users/${k.user.id}/disable`, { cookie: admin }, {});
    assert.equal(res.status, 200, await res.text());
    assert.equal((await me(bearer(k.secret))).status, 401);
    assert.equal((await me({ cookie })).status, 401);
    const back = await send('POST', `/api/v1/users/${k.user.id}/enable`, { cookie: admin }, {});
    assert.equal(back.status, 200);
    assert.equal((await me(bearer(k.secret))).status, 200, 'an unrevoked key works again after enable');
  });

  it('S-11 a role change applies on the next request with the cached key', async () => {
    const k = await newKey(['sales']);
    const before = await me(bearer(k.secret));
    assert.deepEqual(((await before.json()) as { roles: string[] }).roles, ['sales']);
    assert.equal((await send('GET', '/api/v1/users', bearer(k.secret))).status, 403);
    const users = (await (await send('GET', '/api/v1/users?limit=200', { cookie: admin })).json()) as {
      items: { id: string; version: number }[];
    };
    const version = users.items.find((u) => u.id === k.user.id)?.version;
    const res = await send(
      'PATCH',
      `/api/v1/users/${k.user.id}`,
      { cookie: admin },
      { version, roles: ['admin'] },
    );
    assert.equal(res.status, 200, await res.text());
    reset();
    const after = await me(bearer(k.secret));
    assert.deepEqual(((await after.json()) as { roles: string[] }).roles, ['admin']);
    assert.equal(count(KEY_LOOKUP), 1, 'the entry was dropped and read again');
    assert.equal((await send('GET', '/api/v1/users', bearer(k.secret))).status, 200);
  });

  it('S-16 S-11 a cached key past its expiry answers 401 API_KEY_EXPIRED by the injected clock', async () => {
    const k = await newKey(['sales'], '2026-11-21T02:00:00Z');
    clock.set('2026-11-21T01:00:00Z');
    assert.equal((await me(bearer(k.secret))).status, 200);
    reset();
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 0, 'served from the cache');
    clock.advance({ hours: 1 });
    const res = await me(bearer(k.secret));
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'API_KEY_EXPIRED');
    assert.equal(count(KEY_LOOKUP), 0, 'judged from the cached row');
  });

  it('S-11 a session is cached too; signing out refuses the cookie at once', async () => {
    const u = await makeUser(database, clock, { roles: ['support'] });
    const cookie = await signIn(app, u.email, u.password);
    assert.equal((await me({ cookie })).status, 200);
    reset();
    assert.equal((await me({ cookie })).status, 200);
    assert.equal(count(SESSION_LOOKUP), 0, statements.join('\n'));
    const out = await send('POST', '/api/v1/auth/logout', { cookie }, {});
    assert.ok(out.status < 300, `${out.status}`);
    assert.equal((await me({ cookie })).status, 401);
  });

  it('S-11 a cached session past its expiry is read again, and refused once it has really expired', async () => {
    const u = await makeUser(database, clock, { roles: ['support'] });
    const cookie = await signIn(app, u.email, u.password);
    assert.equal((await me({ cookie })).status, 200);
    clock.advance({ hours: 13 }); // idle expiry is 12 h
    reset();
    assert.equal((await me({ cookie })).status, 401);
    assert.equal(count(SESSION_LOOKUP), 1);
  });

  it(`S-11 max age: an entry is read again after ${60} s whatever happened (safety net)`, async () => {
    const k = await newKey();
    assert.equal((await me(bearer(k.secret))).status, 200);
    ms += 59_999;
    reset();
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 0);
    ms += 1;
    assert.equal((await me(bearer(k.secret))).status, 200);
    assert.equal(count(KEY_LOOKUP), 1);
  });

  it('S-11 an unknown key is not remembered: a key is never shadowed by a miss', async () => {
    reset();
    assert.equal((await me(bearer('kd_live_nope'))).status, 401);
    assert.equal((await me(bearer('kd_live_nope'))).status, 401);
    assert.equal(count(KEY_LOOKUP), 2);
  });
});

describe('S-11 PrincipalCache', () => {
  const row = (user: string) => ({
    credential_id: `key_${user}`,
    user_id: user,
    roles: ['sales' as const],
    partner_id: null,
    company_id: null,
    last_seen_at: null,
    created_at: new Date(0),
    expires_at: null,
  });

  it('S-11 a read that began before an invalidation is not stored (it may hold the old row)', () => {
    const c = new PrincipalCache();
    const ticket = c.ticket();
    c.dropUser('usr_a');
    c.put('k1', row('usr_a'), ticket);
    assert.equal(c.get('k1'), undefined);
    c.put('k1', row('usr_a'), c.ticket());
    assert.equal(c.get('k1')?.user_id, 'usr_a');
  });

  it('S-11 bounded: the least recently used entry leaves first', () => {
    const c = new PrincipalCache({ maxEntries: 2 });
    c.put('a', row('usr_a'), c.ticket());
    c.put('b', row('usr_b'), c.ticket());
    assert.ok(c.get('a'));
    c.put('c', row('usr_c'), c.ticket());
    assert.equal(c.size, 2);
    assert.equal(c.get('b'), undefined);
    assert.ok(c.get('a') && c.get('c'));
  });

  it('S-11 off: nothing is served or stored, and switching clears it', () => {
    const c = new PrincipalCache();
    c.put('a', row('usr_a'), c.ticket());
    c.setEnabled(false);
    assert.equal(c.get('a'), undefined);
    c.put('a', row('usr_a'), c.ticket());
    c.setEnabled(true);
    assert.equal(c.get('a'), undefined);
  });
});
