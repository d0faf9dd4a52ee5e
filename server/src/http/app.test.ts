import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { useTestDatabase } from '../testing/test-db';

describe('HTTP platform', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock();
  const app = createApp({ database, clock });

  it('health answers with the engine and the injected clock', async () => {
    const res = await app.request('/api/v1/health');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { engine: string; now: string };
    assert.equal(body.engine, database.engine);
    assert.equal(body.now, clock.now().toString());
  });

  it('serves OpenAPI 3.1 describing the routes', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: object };
    assert.equal(doc.openapi, '3.1.0');
    assert.ok('/api/v1/health' in doc.paths);
  });

  it('the reference page lists every operation with its summary', async () => {
    const html = await (await app.request('/docs')).text();
    assert.match(html, /<code>\/api\/v1\/orders\/quote<\/code><\/td><td>R1 price and service period preview/);
    assert.match(html, /Idempotency-Key/);
  });

  it('unknown endpoints answer problem+json with zh and en text', async () => {
    const res = await app.request('/api/v1/nope');
    assert.equal(res.status, 404);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
    const body = (await res.json()) as { code: string; message: { zh: string; en: string } };
    assert.equal(body.code, 'NOT_FOUND');
    assert.ok(body.message.zh.length > 0 && body.message.en.length > 0);
  });
});
