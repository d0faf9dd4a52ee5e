import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { makeUser, signIn } from '../testing/auth-factory';
import {
  boundaries,
  HOSTILE,
  type JsonSchema,
  pathsOf,
  replaced,
  sample,
  schemaAt,
  without,
} from '../testing/fuzz-bodies';
import { useTestDatabase } from '../testing/test-db';

interface Operation {
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

// Bad-input fuzz (issue #10 suites, "a 5xx on bad input is a bug"): every POST, PUT and PATCH in the
// OpenAPI document, on real objects of the demo seed, with bodies derived from its request schema —
// boundaries, int64 overflow, negatives, NUL, 100k-character strings, wrong types, missing required
// fields, deep nesting — as an admin and as a partner agent. Every 5xx is collected into one failure.
describe('S-14 bad-input fuzz of every write operation: zero 5xx', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  const doc = (await (await app.request('/openapi.json')).json()) as {
    paths: Record<string, Record<string, Operation>>;
  };
  const first = async (table: string) =>
    (await sql<{ id: string }>`select id from ${sql.table(table)} order by id limit 1`.execute(db)).rows[0]
      ?.id ?? 'xx_missing_id';
  // A user of its own, so disabling or re-roling it does not sign the fuzzers out.
  const victim = await makeUser(database, clock, { roles: ['sales'] });
  const ids: Record<string, string> = {
    orderId: await first('orders'),
    companyId: 'cmp_demo_huihuang',
    productId: 'prd_demo_steward',
    planId: 'pln_demo_stock30',
    componentId: await first('components'),
    toPartnerId: 'prt_demo_lina',
    walletOwnerId: 'prt_demo_liyan',
    partnerId: 'prt_demo_liyan',
  };
  const pathIds: [string, string][] = [
    ['/api/v1/partners/', 'prt_demo_liyan'],
    ['/api/v1/companies/', 'cmp_demo_huihuang'],
    ['/api/v1/users/', victim.id],
    ['/api/v1/api-keys/', 'key_missing'],
    ['/api/v1/products/', 'prd_demo_steward'],
    ['/api/v1/plans/', 'pln_demo_stock30'],
    ['/api/v1/orders/', ids.orderId ?? ''],
    ['/api/v1/requests/', await first('requests')],
    ['/api/v1/topups/', await first('requests')],
    ['/api/v1/components/', ids.componentId ?? ''],
    ['/api/v1/notifications/', await first('notifications')],
  ];
  const urlOf = (path: string) =>
    path.replace(/\{[^}]+\}/g, pathIds.find(([prefix]) => path.startsWith(prefix))?.[1] ?? 'xx_missing_id');
  const raw = ['not json', '{"a":', 'null', '"text"', '[]', `${'['.repeat(5000)}${']'.repeat(5000)}`];

  // Each hostile value lands on every third field (rotating per operation), so every value reaches every
  // operation with three fields or more while the suite stays under a minute; the agent takes another share.
  const bodiesOf = (schema: JsonSchema, share: (k: number) => boolean): string[] => {
    const base = sample(schema, ids);
    const out: unknown[] = [base, ...(schema.required ?? []).map((k) => without(base, k))];
    out.push({ ...(typeof base === 'object' ? base : {}), unexpected: { nested: { deeper: [1, 2] } } });
    for (const [j, path] of pathsOf(base).entries()) {
      for (const v of boundaries(schemaAt(schema, path))) out.push(replaced(base, path, v));
      for (const [i, v] of HOSTILE.entries()) if (share(i + j + opIndex)) out.push(replaced(base, path, v));
    }
    return [...raw, ...out.map((b) => JSON.stringify(b))];
  };

  let n = 0;
  let opIndex = 0;
  const principals: [string, (k: number) => boolean][] = [
    ['admin@kaidan.demo', (k) => k % 3 === 0],
    ['agent@kaidan.demo', (k) => k % 6 === 2],
  ];
  for (const [who, share] of principals) {
    it(`S-14 ${who}: every POST, PUT and PATCH answers hostile bodies without a 5xx`, async () => {
      const cookie = await signIn(app, who, DEMO_PASSWORD);
      const failures: string[] = [];
      let sent = 0;
      for (const [path, ops] of Object.entries(doc.paths)) {
        if (path === '/api/v1/auth/logout') continue;
        for (const [method, op] of Object.entries(ops)) {
          if (!['post', 'put', 'patch'].includes(method)) continue;
          const schema = op.requestBody?.content?.['application/json']?.schema ?? { type: 'object' };
          opIndex++;
          for (const body of bodiesOf(schema, share)) {
            sent++;
            const res = await app.request(urlOf(path), {
              method: method.toUpperCase(),
              headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `fuzz-${n++}` },
              body,
            });
            if (res.status >= 500)
              failures.push(`${method} ${path} ${body.slice(0, 160)} → ${res.status} ${await res.text()}`);
          }
        }
      }
      assert.ok(sent > 500, `${sent} requests sent`);
      const me = await app.request('/api/v1/me', { headers: { cookie } });
      assert.equal(me.status, 200, 'still signed in: the bodies reached the use cases, not a 401');
      assert.equal(failures.length, 0, `${failures.length} of ${sent} answered 5xx:\n${failures.join('\n')}`);
    });
  }
});
