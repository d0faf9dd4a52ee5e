import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import { seedDemo } from '../../seed/demo-seed';
import { useTestDatabase } from '../../testing/test-db';
import { principalOfUser } from '../parties';
import { viewDashboard } from '.';

describe('dashboard per role', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  const deps = { database, clock };
  await seedDemo(deps);
  const as = async (email: string) => {
    const p = await principalOfUser(database.db, { email }, 'console');
    assert.ok(p);
    return p;
  };

  it('each role sees what waits for it: finance the top-up and refund, the desk the transfer and the order', async () => {
    const fin = (await viewDashboard(deps, await as('finance@kaidan.demo'))).waiting;
    assert.equal(fin.requests_to_decide, 2n);
    const desk = (await viewDashboard(deps, await as('desk@kaidan.demo'))).waiting;
    assert.deepEqual([desk.requests_to_decide, desk.orders_to_review], [1n, 1n]);
    const agent = (await viewDashboard(deps, await as('agent@kaidan.demo'))).waiting;
    assert.deepEqual(
      [agent.my_open_requests, agent.orders_to_review, agent.requests_to_decide],
      [2n, 1n, 0n],
    );
  });

  it('money this month is the partner’s own wallet flow: top-ups in, captures out', async () => {
    const d = await viewDashboard(deps, await as('agent@kaidan.demo'));
    assert.equal(d.monthStart, '2026-11-01');
    assert.deepEqual(
      d.money.map((m) => [m.kind, m.amount]),
      [
        ['capture', -1_660_750n],
        ['topup', 10_000_000n],
      ],
    );
  });

  it('what expires within 30 days, soonest first, only in scope', async () => {
    clock.set('2027-11-01T02:00:00Z');
    const agent = await viewDashboard(deps, await as('agent@kaidan.demo'));
    assert.deepEqual(
      [...new Set(agent.expiringSoon.map((e) => e.company_name))].sort(),
      ['辉煌有限公司', '灵韵（北京）有限公司'].sort(),
    );
    assert.ok(agent.expiringSoon.every((e) => e.end_date === '2027-11-24'));
    const other = await viewDashboard(deps, await as('agent2@kaidan.demo'));
    assert.deepEqual(
      [...new Set(other.expiringSoon.map((e) => e.company_name))],
      ['巨石（北京）辉煌有限公司'],
    );
  });
});
