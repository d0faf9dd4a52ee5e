import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { signIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

// "A 5xx on bad input is a bug": every write operation in the OpenAPI document, called by a signed-in
// admin and a partner with empty, wrongly typed and hostile bodies, must answer a 4xx problem+json.
describe('bad input never gets a 5xx', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  const cookieOf = (email: string) => signIn(app, email, DEMO_PASSWORD);
  const doc = (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, unknown>>;
  };
  const bodies: unknown[] = [
    {},
    [],
    'not json',
    { companyId: 12, productId: null, orderType: 'buy', lines: 'x' },
    { amount: '12.345', currency: 'EUR', seats: -1, orderIds: ['ord_x'], comment: '' },
    { lines: [{ planId: "x'; drop table orders; --", seats: 1e12, duration: { unit: 'week', value: 0 } }] },
    { effectiveDate: '2026-02-30', cotermTo: '2026-13-01', tenantId: 'WW123' },
  ];
  let n = 0;

  for (const who of ['admin@kaidan.demo', 'agent@kaidan.demo']) {
    it(`${who}: every POST, PUT and PATCH answers 4xx problem+json to bad bodies`, async () => {
      const cookie = await cookieOf(who);
      const seen: string[] = [];
      for (const [path, ops] of Object.entries(doc.paths)) {
        for (const method of Object.keys(ops).filter((m) => ['post', 'put', 'patch'].includes(m))) {
          if (path === '/api/v1/auth/logout') continue;
          const url = path.replace(/\{[^}]+\}/g, 'xx_missing_id');
          for (const body of bodies) {
            const res = await app.request(url, {
              method: method.toUpperCase(),
              headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `bad-${n++}` },
              body: typeof body === 'string' ? body : JSON.stringify(body),
            });
            if (res.status >= 500)
              seen.push(`${method} ${path} ${JSON.stringify(body)} → ${res.status} ${await res.text()}`);
            else assert.ok(res.status >= 400, `${method} ${path} accepted ${JSON.stringify(body)}`);
          }
        }
      }
      assert.deepEqual(seen, []);
    });
  }
});
