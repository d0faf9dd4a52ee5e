import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { makeUser, signIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

describe('S-13 S-14 S-16 hardening of every request', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const app = createApp({ database, clock });
  const httpsApp = createApp({ database, clock, config: { publicUrl: 'https://kaidan.example.com' } });
  const proxied = createApp({ database, clock, config: { trustProxy: true } });
  const admin = await makeUser(database, clock, { roles: ['admin'] });
  const cookie = await signIn(app, admin.email, admin.password);
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('S-13 a JSON body over 1 MB is refused with 413 problem+json, anonymous or signed in', async () => {
    const big = JSON.stringify({ email: 'a@b.c', password: 'x'.repeat(1024 * 1024 + 10) });
    const variants: Record<string, string>[] = [{}, { cookie }];
    for (const headers of variants) {
      const res = await post('/api/v1/auth/login', big, headers);
      assert.equal(res.status, 413);
      assert.equal(res.headers.get('content-type'), 'application/problem+json');
      assert.equal(((await res.json()) as { code: string }).code, 'PAYLOAD_TOO_LARGE');
    }
    const justUnder = JSON.stringify({ name: 'x'.repeat(1000) });
    assert.notEqual((await post('/api/v1/partners', justUnder, { cookie })).status, 413);
  });

  it('S-14 a NUL byte in the query or the JSON body is a 400 naming the field, not a 500', async () => {
    const q = await app.request('/api/v1/orders?q=%00', { headers: { cookie } });
    assert.equal(q.status, 400);
    const qb = (await q.json()) as { code: string; fields: { field: string }[] };
    assert.equal(qb.code, 'NUL_IN_TEXT');
    assert.deepEqual(
      qb.fields.map((f) => f.field),
      ['q'],
    );
    const b = await post(
      '/api/v1/partners',
      JSON.stringify({ code: 'P1', nameZh: 'a\u0000', contacts: [{ name: 'x\u0000y' }] }),
      { cookie },
    );
    assert.equal(b.status, 400);
    const bb = (await b.json()) as { fields: { field: string }[] };
    assert.deepEqual(
      bb.fields.map((f) => f.field),
      ['nameZh', 'contacts.0.name'],
    );
    const p = await app.request('/api/v1/orders/ord%00x', { headers: { cookie } });
    assert.equal(p.status, 400);
  });

  it('S-16 every answer carries CSP, nosniff and frame denial; HSTS only when PUBLIC_URL is https', async () => {
    for (const path of ['/api/v1/health', '/docs', '/api/v1/nope']) {
      const res = await app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      assert.match(csp, /default-src 'self'/);
      assert.match(csp, /script-src 'self'(;|$)/, 'no inline scripts');
      assert.match(csp, /frame-ancestors 'none'/);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(res.headers.get('x-frame-options'), 'DENY');
      assert.equal(res.headers.get('strict-transport-security'), null);
    }
    const s = await httpsApp.request('/api/v1/health');
    assert.match(s.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
  });

  it('S-16 the session cookie is Secure by PUBLIC_URL, and X-Forwarded-Proto counts only behind a trusted proxy', async () => {
    const setCookie = async (a: typeof app, headers: Record<string, string> = {}) => {
      const res = await a.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ email: admin.email, password: admin.password }),
      });
      assert.equal(res.status, 200);
      return res.headers.get('set-cookie') ?? '';
    };
    assert.doesNotMatch(await setCookie(app, { 'x-forwarded-proto': 'https' }), /Secure/);
    assert.match(await setCookie(httpsApp), /Secure/);
    assert.match(await setCookie(proxied, { 'x-forwarded-proto': 'https' }), /Secure/);
    assert.doesNotMatch(await setCookie(proxied), /Secure/);
  });
});
