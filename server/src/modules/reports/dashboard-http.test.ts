import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAmount } from '@kaidan/shared';
import { Dashboard } from '@kaidan/shared/contracts/reports';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { useTestDatabase } from '../../testing/test-db';

type DashboardWire = ReturnType<typeof Dashboard.parse>;

// GET /api/v1/dashboard on the wire: the shared zod contract holds, amounts are decimal strings.
describe('GET /api/v1/dashboard', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  const get = async (email?: string) => {
    let cookie = '';
    if (email) {
      const res = await app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    }
    return app.request('/api/v1/dashboard', { headers: { cookie } });
  };

  it('answers the partner its own figures in the shared contract, amounts as decimal strings', async () => {
    const res = await get('agent@kaidan.demo');
    assert.equal(res.status, 200);
    const d = Dashboard.parse(await res.json());
    assert.equal(d.scope, 'partner');
    const today = d.moneyByDay.find((s) => s.currency === 'CNY')?.days.find((x) => x.date === '2026-11-25');
    assert.deepEqual([today?.in, today?.out], ['100000.00', '16607.50']);
    assert.deepEqual(
      d.money.map((m) => [m.kind, m.amount]),
      [
        ['capture', '-16607.50'],
        ['topup', '100000.00'],
      ],
    );
    assert.deepEqual(
      d.waiting.requests.map((q) => q.category),
      ['refund', 'topup', 'transfer'],
    );
  });

  it('answers finance every wallet’s money: the sum of what each partner and customer sees', async () => {
    const fin = Dashboard.parse(await (await get('finance@kaidan.demo')).json());
    assert.equal(fin.scope, 'staff');
    assert.equal(fin.waiting.requestsToDecide, 2);
    const owners = await Promise.all(
      ['agent@kaidan.demo', 'agent2@kaidan.demo', 'it@huihuang.demo', 'it@lingyun.demo'].map(async (e) =>
        Dashboard.parse(await (await get(e)).json()),
      ),
    );
    const total = (ds: DashboardWire[], side: 'totalIn' | 'totalOut') =>
      ds.reduce(
        (acc, d) => acc + d.moneyByDay.reduce((a, s) => a + (parseAmount(s[side], s.currency) ?? 0n), 0n),
        0n,
      );
    // both partners' top-ups approved by the seed: 100000.00 + 20000.00, at least
    assert.ok(total(owners, 'totalIn') >= 12_000_000n);
    assert.equal(total([fin], 'totalIn'), total(owners, 'totalIn'));
    assert.equal(total([fin], 'totalOut'), total(owners, 'totalOut'));
  });

  it('refuses a caller without a session (401 problem+json)', async () => {
    const res = await get();
    assert.equal(res.status, 401);
    assert.match(res.headers.get('content-type') ?? '', /problem\+json/);
  });
});
