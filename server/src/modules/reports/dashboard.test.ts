import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import { seedDemo } from '../../seed/demo-seed';
import { useTestDatabase } from '../../testing/test-db';
import { placeOrder } from '../orders';
import { principalOfUser } from '../parties';
import { decideRequest, fileTopup } from '../requests';
import { type Dashboard, viewDashboard } from '.';

const queue = (d: Dashboard) => d.requestsWaiting.map((q) => [q.category, q.count, q.overdue]);
const day = (d: Dashboard, date: string, currency = 'CNY') =>
  d.moneyByDay.find((s) => s.currency === currency)?.days.find((x) => x.date === date);
const byState = (d: Dashboard) => Object.fromEntries(d.ordersByState.map((o) => [o.state, o.count]));

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
  const [agent, agent2, desk, finance, admin, sales, customer] = await Promise.all(
    [
      'agent@kaidan.demo',
      'agent2@kaidan.demo',
      'desk@kaidan.demo',
      'finance@kaidan.demo',
      'admin@kaidan.demo',
      'sales@kaidan.demo',
      'it@huihuang.demo',
    ].map(as),
  );
  assert.ok(agent && agent2 && desk && finance && admin && sales && customer);
  const view = (p: typeof agent) => viewDashboard(deps, p);

  it('R11: each role sees what waits for it: finance the top-up and refund, the desk the transfer and the order', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const fin = await view(finance);
    assert.equal(fin.scope, 'staff');
    assert.equal(fin.waiting.requests_to_decide, 2n);
    assert.deepEqual(queue(fin), [
      ['refund', 1n, 0n],
      ['topup', 1n, 0n],
    ]);
    const d = await view(desk);
    assert.deepEqual([d.waiting.requests_to_decide, d.waiting.orders_to_review], [1n, 1n]);
    assert.deepEqual(queue(d), [['transfer', 1n, 0n]]);
    assert.deepEqual(
      queue(await view(admin)).map(([c]) => c),
      ['refund', 'topup', 'transfer'],
    );
    const a = await view(agent);
    assert.equal(a.scope, 'partner');
    assert.deepEqual(
      [a.waiting.my_open_requests, a.waiting.orders_to_review, a.waiting.requests_to_decide],
      [2n, 1n, 0n],
    );
    // the partner's requests waiting for the vendor, including the top-up sales filed for its wallet
    assert.deepEqual(queue(a), [
      ['refund', 1n, 0n],
      ['topup', 1n, 0n],
      ['transfer', 1n, 0n],
    ]);
    assert.deepEqual(queue(await view(agent2)), []);
    assert.deepEqual(queue(await view(sales)), [], 'sales decides nothing');
  });

  it('R34: a queue item past the end of its third business day counts as overdue for its team', async () => {
    // submitted Wed 2026-11-25: due at the end of Mon 11-30 (Thu, Fri, Mon), Asia/Shanghai
    clock.set('2026-11-30T15:59:00Z');
    assert.equal((await view(finance)).waiting.overdue, 0n);
    clock.set('2026-11-30T16:00:01Z');
    const fin = await view(finance);
    assert.equal(fin.waiting.overdue, 2n);
    assert.deepEqual(queue(fin), [
      ['refund', 1n, 1n],
      ['topup', 1n, 1n],
    ]);
    assert.deepEqual(queue(await view(desk)), [['transfer', 1n, 1n]]);
  });

  it('money per day: the seed’s top-up and captures land on 2026-11-25, every day of the month is listed', async () => {
    clock.set('2026-11-25T02:00:00Z');
    const a = await view(agent);
    assert.deepEqual([a.today, a.monthStart, a.monthEnd], ['2026-11-25', '2026-11-01', '2026-11-30']);
    assert.deepEqual(
      a.money.map((m) => [m.kind, m.amount]),
      [
        ['capture', -1_660_750n],
        ['topup', 10_000_000n],
      ],
    );
    assert.deepEqual(
      a.moneyByDay.map((s) => s.currency),
      ['CNY'],
    );
    const [cny] = a.moneyByDay;
    assert.equal(cny?.days.length, 30);
    assert.deepEqual([cny?.days[0]?.date, cny?.days.at(-1)?.date], ['2026-11-01', '2026-11-30']);
    assert.deepEqual(day(a, '2026-11-25'), {
      date: '2026-11-25',
      in: 10_000_000n,
      out: 1_660_750n,
      byKind: [
        { kind: 'capture', amount: -1_660_750n },
        { kind: 'topup', amount: 10_000_000n },
      ],
    });
    assert.deepEqual([cny?.totalIn, cny?.totalOut], [10_000_000n, 1_660_750n]);
    assert.ok(cny?.days.filter((x) => x.date !== '2026-11-25').every((x) => x.in === 0n && x.out === 0n));
  });

  it('money per day: a top-up approved and a renewal captured on 11-27 are that day’s in and out, exactly; another partner never sees them', async () => {
    clock.set('2026-11-27T03:00:00Z');
    const before2 = await view(agent2);
    const staffBefore = day(await view(finance), '2026-11-27');
    const t = await fileTopup(deps, sales, {
      walletOwnerType: 'partner',
      walletOwnerId: 'prt_demo_liyan',
      payer: '渠道对公账户',
      currency: 'CNY',
      amount: '1234.56',
      bankRef: 'DASH-20261127-0001',
      submit: true,
    });
    await decideRequest(deps, finance, { id: t.id, verdict: 'approve', comment: '银行流水已核对' });
    const renewal = await placeOrder(deps, agent, {
      companyId: 'cmp_demo_lingyun',
      productId: 'prd_demo_crm',
      orderType: 'renew',
      submit: true,
      lines: [{ planId: 'pln_demo_crm_std', duration: { unit: 'month', value: 1 } }],
    });
    assert.equal(renewal.state, 'paid', 'partner renewals are auto-approved by policy');
    const total = renewal.quote.total;
    const a = day(await view(agent), '2026-11-27');
    assert.deepEqual([a?.in, a?.out], [123_456n, total]);
    assert.deepEqual(day(await view(agent), '2026-11-25')?.in, 10_000_000n, 'earlier days unchanged');
    const staff = day(await view(finance), '2026-11-27');
    assert.deepEqual(
      [staff?.in, staff?.out],
      [(staffBefore?.in ?? 0n) + 123_456n, (staffBefore?.out ?? 0n) + total],
    );
    const after2 = await view(agent2);
    assert.deepEqual(after2.moneyByDay, before2.moneyByDay, 'another partner’s money is not in scope');
    assert.deepEqual(day(after2, '2026-11-27'), { date: '2026-11-27', in: 0n, out: 0n, byKind: [] });
    assert.equal(day(await view(customer), '2026-11-27')?.in ?? 0n, 0n, 'nor does its customer');
  });

  it('money per day counts by the Asia/Shanghai business date: 00:30 on 11-28 there is 11-28', async () => {
    clock.set('2026-11-27T16:30:00Z');
    const t = await fileTopup(deps, sales, {
      walletOwnerType: 'partner',
      walletOwnerId: 'prt_demo_lina',
      payer: '渠道对公账户',
      currency: 'CNY',
      amount: '0.01',
      bankRef: 'DASH-20261128-0002',
      submit: true,
    });
    await decideRequest(deps, finance, { id: t.id, verdict: 'approve', comment: '银行流水已核对' });
    const lina = await view(agent2);
    assert.equal(lina.today, '2026-11-28');
    assert.equal(day(lina, '2026-11-28')?.in, 1n);
    assert.equal(day(lina, '2026-11-27')?.in, 0n);
  });

  it('a customer sees its company’s own wallet money, never its partner’s', async () => {
    clock.set('2026-11-29T02:00:00Z');
    const t = await fileTopup(deps, sales, {
      walletOwnerType: 'company',
      walletOwnerId: 'cmp_demo_huihuang',
      companyId: 'cmp_demo_huihuang',
      payer: '辉煌有限公司',
      currency: 'CNY',
      amount: '0.02',
      bankRef: 'DASH-20261129-0003',
      submit: true,
    });
    await decideRequest(deps, finance, { id: t.id, verdict: 'approve', comment: '银行流水已核对' });
    const own = await view(customer);
    assert.equal(own.scope, 'customer');
    assert.equal(day(own, '2026-11-29')?.in, 2n);
    assert.equal(day(own, '2026-11-27')?.in, 0n, 'its partner’s top-up on 11-27 is not its money');
    assert.equal(
      day(await view(agent), '2026-11-29')?.in,
      0n,
      'the partner does not see its customer’s wallet',
    );
    assert.equal(day(await view(finance), '2026-11-29')?.in, 2n);
  });

  it('orders this month by state, in scope: a new draft counts for its partner only', async () => {
    clock.set('2026-11-28T02:00:00Z');
    const before = byState(await view(agent));
    assert.equal(before.submitted, 1n, 'the guide order waits for review');
    assert.deepEqual(byState(await view(agent2)), { paid: 1n });
    assert.deepEqual(byState(await view(customer)), { paid: 1n }, 'only 辉煌’s own order');
    await placeOrder(deps, agent, {
      companyId: 'cmp_demo_huihuang',
      productId: 'prd_demo_guide',
      orderType: 'new',
      lines: [{ planId: 'pln_demo_guide_std', seats: 3, duration: { unit: 'year', value: 1 } }],
    });
    const after = byState(await view(agent));
    assert.deepEqual(after, { ...before, draft: (before.draft ?? 0n) + 1n });
    assert.deepEqual(byState(await view(agent2)), { paid: 1n });
    const all = byState(await view(desk));
    assert.equal(
      Object.values(all).reduce((s, n) => s + n, 0n),
      Object.values(after).reduce((s, n) => s + n, 0n) + 1n,
      'staff see every partner’s orders',
    );
  });

  it('what expires within 30 days, soonest first, with days left, only in scope', async () => {
    clock.set('2027-11-01T02:00:00Z');
    const agentView = await view(agent);
    // 灵韵's CRM was renewed by a month on 11-27 above, so only 辉煌 ends within the window
    assert.deepEqual([...new Set(agentView.expiringSoon.map((e) => e.company_name))], ['辉煌有限公司']);
    const steward = agentView.expiringSoon.find((e) => e.plan_name === '囤货高级版（30户）');
    assert.deepEqual(
      [steward?.end_date, steward?.days_left, steward?.product_name, steward?.plan_name_en],
      ['2027-11-24', 23, '企微管家', 'Stock Pro (30 seats)'],
    );
    assert.deepEqual(
      [...new Set((await view(agent2)).expiringSoon.map((e) => e.company_name))],
      ['巨石（北京）辉煌有限公司'],
    );
    assert.ok(
      (await view(customer)).expiringSoon.every((e) => e.company_name === '辉煌有限公司'),
      'a customer sees its own company only',
    );
    clock.set('2027-12-01T02:00:00Z');
    const later = (await view(agent)).expiringSoon;
    assert.deepEqual(
      later.map((e) => [e.company_name, e.plan_name, e.end_date, e.days_left]),
      [['灵韵（北京）有限公司', '标准版', '2027-12-24', 23]],
    );
  });
});
