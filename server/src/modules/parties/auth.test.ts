import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { makeUser, signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { PAIR_LIMIT } from './sign-in';

describe('parties: sign-in, sessions and API keys', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const app = createApp({ database, clock });
  const admin = await makeUser(database, clock, { roles: ['admin'], email: 'Admin@Example.com' });
  const json = (method: string, body: unknown, headers: Record<string, string> = {}) => ({
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  const login = (email: string, password: string) =>
    app.request('/api/v1/auth/login', json('POST', { email, password }));

  it('stores an argon2id hash, never the password', async () => {
    const { rows } = await sql<{ password_hash: string }>`select password_hash from users
      where id = ${admin.id}`.execute(database.db);
    assert.match(rows[0]?.password_hash ?? '', /^\$argon2id\$/);
  });

  it('login sets an HttpOnly SameSite=Lax cookie; /me answers; logout ends the session', async () => {
    const res = await login('admin@example.com', admin.password);
    assert.equal(res.status, 200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    assert.match(setCookie, /kaidan_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Lax/);
    const cookie = /kaidan_session=[^;]+/.exec(setCookie)?.[0] ?? '';
    const token = cookie.split('=')[1] ?? '';
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from sessions
      where token_hash = ${token}`.execute(database.db);
    assert.equal(rows[0]?.n, 0, 'only the sha256 of the token is stored');

    const me = await app.request('/api/v1/me', { headers: { cookie } });
    assert.equal(me.status, 200);
    const body = (await me.json()) as {
      user: { id: string };
      roles: string[];
      kind: string;
      channel: string;
    };
    assert.equal(body.user.id, admin.id);
    assert.deepEqual(body.roles, ['admin']);
    assert.equal(body.kind, 'staff');
    assert.equal(body.channel, 'console');

    const out = await app.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie } });
    assert.equal(out.status, 204);
    assert.equal((await app.request('/api/v1/me', { headers: { cookie } })).status, 401);
  });

  it('wrong password and unknown email get the same 401 INVALID_CREDENTIALS', async () => {
    const wrong = await login(admin.email, 'not-the-password');
    const unknown = await login('nobody@example.com', 'whatever-password');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const a = (await wrong.json()) as { code: string; message: unknown };
    const b = (await unknown.json()) as { code: string; message: unknown };
    assert.equal(a.code, 'INVALID_CREDENTIALS');
    assert.deepEqual(a, b);
  });

  it('anonymous /me is 401 UNAUTHENTICATED', async () => {
    const res = await app.request('/api/v1/me');
    assert.equal(res.status, 401);
    assert.equal(((await res.json()) as { code: string }).code, 'UNAUTHENTICATED');
  });

  it('a session expires after 12 idle hours', async () => {
    const u = await makeUser(database, clock, { roles: ['finance'] });
    const cookie = await signIn(app, u.email, u.password);
    clock.advance({ hours: 11 });
    assert.equal((await app.request('/api/v1/me', { headers: { cookie } })).status, 200);
    clock.advance({ hours: 11 }); // slid forward by the previous use
    assert.equal((await app.request('/api/v1/me', { headers: { cookie } })).status, 200);
    clock.advance({ hours: 13 });
    assert.equal((await app.request('/api/v1/me', { headers: { cookie } })).status, 401);
  });

  it('a disabled user cannot sign in, and its open session ends', async () => {
    const adminCookie = await signIn(app, admin.email, admin.password);
    const u = await makeUser(database, clock, { roles: ['sales'] });
    const cookie = await signIn(app, u.email, u.password);
    const res = await app.request(
      `/api/v1/users/${u.id}/disable`,
      json('POST', { reason: '离职' }, { cookie: adminCookie }),
    );
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { state: string }).state, 'disabled');
    assert.equal((await app.request('/api/v1/me', { headers: { cookie } })).status, 401);
    const again = await login(u.email, u.password);
    assert.equal(again.status, 403);
    assert.equal(((await again.json()) as { code: string }).code, 'USER_DISABLED');
    const wrong = await login(u.email, 'wrong-password!');
    assert.equal(wrong.status, 401, 'a guesser learns nothing about the account');
  });

  it('API key: shown once as kd_live_…, authenticates on channel api, stops when revoked', async () => {
    const adminCookie = await signIn(app, admin.email, admin.password);
    const agentUser = await makeUser(database, clock, { roles: ['finance'] });
    const created = await app.request(
      `/api/v1/users/${agentUser.id}/api-keys`,
      json('POST', { name: 'ERP sync' }, { cookie: adminCookie }),
    );
    assert.equal(created.status, 201);
    const key = (await created.json()) as { id: string; secret: string };
    assert.match(key.secret, /^kd_live_[A-Za-z0-9_-]{43}$/);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from api_keys
      where key_hash = ${key.secret}`.execute(database.db);
    assert.equal(rows[0]?.n, 0, 'the key is stored hashed');

    const auth = { authorization: `Bearer ${key.secret}` };
    const me = await app.request('/api/v1/me', { headers: auth });
    assert.equal(me.status, 200);
    const body = (await me.json()) as { user: { id: string }; channel: string };
    assert.equal(body.user.id, agentUser.id);
    assert.equal(body.channel, 'api');

    const listed = await app.request(`/api/v1/users/${agentUser.id}/api-keys`, {
      headers: { cookie: adminCookie },
    });
    const items = ((await listed.json()) as { items: Array<{ id: string; lastUsedAt: string | null }> })
      .items;
    assert.equal(items[0]?.id, key.id);
    assert.ok(items[0]?.lastUsedAt);
    assert.ok(!JSON.stringify(items).includes(key.secret));

    const revoked = await app.request(
      `/api/v1/api-keys/${key.id}/revoke`,
      json('POST', {}, { cookie: adminCookie }),
    );
    assert.equal(revoked.status, 204);
    assert.equal((await app.request('/api/v1/me', { headers: auth })).status, 401);
    assert.equal(
      (await app.request('/api/v1/me', { headers: { authorization: 'Bearer kd_live_nope' } })).status,
      401,
    );
  });

  it('only admins create users and keys (403 for other staff)', async () => {
    const desk = await makeUser(database, clock, { roles: ['order_desk'] });
    const cookie = await signIn(app, desk.email, desk.password);
    const res = await app.request(
      '/api/v1/users',
      json(
        'POST',
        { email: 'x@example.com', name: 'X', roles: ['admin'], password: 'long-enough-pw' },
        { cookie },
      ),
    );
    assert.equal(res.status, 403);
  });

  it('user creation checks email, roles and scope fields, each as a field error', async () => {
    const cookie = await signIn(app, admin.email, admin.password);
    const res = await app.request(
      '/api/v1/users',
      json(
        'POST',
        { email: 'not-an-email', name: 'A', roles: ['partner_agent'], password: 'short' },
        { cookie },
      ),
    );
    assert.equal(res.status, 422);
    const fields = ((await res.json()) as { fields: Array<{ field: string }> }).fields.map((f) => f.field);
    assert.deepEqual(fields.sort(), ['email', 'partnerId', 'password']);
    const dup = await app.request(
      '/api/v1/users',
      json('POST', { email: 'ADMIN@example.com', name: 'A', roles: ['finance'] }, { cookie }),
    );
    assert.equal(dup.status, 409);
    assert.equal(((await dup.json()) as { code: string }).code, 'EMAIL_TAKEN');
  });

  it('R40 user creation, sign-in, disable and key revocation leave audit rows with actor and channel', async () => {
    const trail = await listAudit(database.db, 'user', admin.id);
    assert.equal(trail[0]?.action, 'create');
    assert.equal(trail[0]?.actor_kind, 'system');
    assert.equal(trail[0]?.channel, 'cli');
    const signIns = trail.filter((r) => r.action === 'sign_in');
    assert.ok(signIns.length > 0);
    assert.equal(signIns[0]?.actor_id, admin.id);
    assert.equal(signIns[0]?.channel, 'console');
    const { rows } = await sql<{ action: string; actor_id: string }>`select action, actor_id from audit_log
      where object_type in ('user', 'api_key') and action in ('disable', 'revoke')`.execute(database.db);
    assert.deepEqual(rows.map((r) => [r.action, r.actor_id]).sort(), [
      ['disable', admin.id],
      ['revoke', admin.id],
    ]);
  });

  it('ten wrong passwords in 15 minutes from one address throttle that email there with 429, even the right password; it lifts later', async () => {
    const u = await makeUser(database, clock, { roles: ['sales'], email: 'guessed@example.com' });
    for (let i = 0; i < PAIR_LIMIT; i++)
      assert.equal((await login('guessed@example.com', 'wrong-password')).status, 401);
    const blocked = await login('guessed@example.com', u.password);
    assert.equal(blocked.status, 429);
    assert.equal(((await blocked.json()) as { code: string }).code, 'TOO_MANY_ATTEMPTS');
    assert.equal(
      (await login('nobody-here@example.com', 'x-wrong-pass')).status,
      401,
      'other emails are unaffected',
    );
    clock.advance({ minutes: 16 });
    assert.equal((await login('guessed@example.com', u.password)).status, 200);
  });
});
