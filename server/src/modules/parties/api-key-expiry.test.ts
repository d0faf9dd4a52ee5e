import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { makeUser, signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';

describe('S-16 API keys may carry an expiry', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const app = createApp({ database, clock });
  const admin = await makeUser(database, clock, { roles: ['admin'] });
  const agent = await makeUser(database, clock, { roles: ['sales'] });
  const cookie = await signIn(app, admin.email, admin.password);
  const create = (body: unknown) =>
    app.request(`/api/v1/users/${agent.id}/api-keys`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('S-16 an expiry in the past is refused on the field; no expiry means the key lives until revoked', async () => {
    const past = await create({ expiresAt: '2020-01-01T00:00:00Z' });
    assert.equal(past.status, 422);
    const pb = (await past.json()) as { fields: { field: string }[] };
    assert.equal(pb.fields[0]?.field, 'expiresAt');
    const forever = await create({ name: 'no expiry' });
    assert.equal(forever.status, 201);
  });

  it('S-16 a key with expiresAt works until then and answers 401 API_KEY_EXPIRED after it', async () => {
    const res = await create({ name: 'ci', expiresAt: '2026-11-27T02:00:00Z' });
    assert.equal(res.status, 201);
    const { secret, id } = (await res.json()) as { secret: string; id: string };
    const me = () => app.request('/api/v1/me', { headers: { authorization: `Bearer ${secret}` } });
    assert.equal((await me()).status, 200);
    const listed = await app.request(`/api/v1/users/${agent.id}/api-keys`, { headers: { cookie } });
    const items = ((await listed.json()) as { items: { id: string; expiresAt: string | null }[] }).items;
    assert.equal(items.find((k) => k.id === id)?.expiresAt, '2026-11-27T02:00:00.000Z');
    clock.advance({ days: 7 });
    const after = await me();
    assert.equal(after.status, 401);
    assert.equal(((await after.json()) as { code: string }).code, 'API_KEY_EXPIRED');
  });
});
