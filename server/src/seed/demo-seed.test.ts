import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { componentsOf } from '../modules/entitlements';
import { placeOrder } from '../modules/orders';
import { principalOfUser } from '../modules/parties';
import { listQueue } from '../modules/requests';
import { findWallet } from '../modules/wallets';
import { FakeClock } from '../platform/clock';
import { AppError } from '../platform/errors';
import { brokenInvariants } from '../testing/invariant-store';
import { refundSandbox } from '../testing/order-payment-kit';
import { useTestDatabase } from '../testing/test-db';
import { seedDemo } from './demo-seed';

describe('demo seed (seed 000)', async () => {
  const database = await useTestDatabase();
  const deps = { database, clock: new FakeClock('2026-11-25T02:00:00Z') };

  it('loads once, through the real use cases, leaving every invariant intact', async () => {
    assert.equal(await seedDemo(deps), true);
    assert.equal(await seedDemo(deps), false, 'a second run changes nothing');
    assert.deepEqual(Object.values(await brokenInvariants(database.db)).flat(), []);
    const wallet = await findWallet(database.db, 'partner', 'prt_demo_liyan', 'CNY');
    assert.equal(wallet?.balance, 10_000_000n - 1_387_000n - 273_750n);
    assert.equal(wallet?.held, 182_500n, 'the 导购管家 order waits for review with its hold');
  });

  it('reproduces the R13 situation: archive 30 seats, interop 20, and renewing 20 archive seats is refused', async () => {
    const comps = await componentsOf(database.db, 'cmp_demo_huihuang');
    assert.deepEqual(comps.map((c) => [c.plan_code, c.seats]).sort(), [
      ['archive', 30],
      ['interop', 20],
      ['stock-pro-30', 30],
    ]);
    const agent = await principalOfUser(database.db, { email: 'agent@kaidan.demo' }, 'api');
    assert.ok(agent);
    const refused = await placeOrder(deps, agent, {
      companyId: 'cmp_demo_huihuang',
      productId: 'prd_demo_steward',
      orderType: 'renew',
      lines: [{ planId: 'pln_demo_archive', seats: 20, duration: { unit: 'day', value: 365 } }],
    }).then(
      () => null,
      (e: unknown) => e,
    );
    assert.ok(refused instanceof AppError && refused.code === 'RENEWAL_SEATS_MISMATCH');
  });

  it('leaves work in every queue: a top-up for finance, a settled-offline return, a transfer, an order to review', async () => {
    const desk = await principalOfUser(database.db, { email: 'desk@kaidan.demo' }, 'api');
    assert.ok(desk);
    const open = await listQueue(deps, desk, { state: 'submitted', limit: 50 });
    assert.deepEqual(open.map((r) => r.request.category).sort(), ['refund', 'topup', 'transfer']);
  });

  it('issue #13: 灵韵’s tree three levels deep holds devices of several types, bound and unbound, expired and expiring, one deactivated; R38 configurations', async () => {
    const { db } = database;
    const tree = await sql<{ name_zh: string; depth: number }>`with recursive t as (
        select id, name_zh, 0 as depth from companies where id = 'cmp_demo_lingyun'
        union all select c.id, c.name_zh, t.depth + 1 from companies c join t on c.parent_id = t.id)
      select name_zh, depth from t order by depth, name_zh`.execute(db);
    assert.equal(Math.max(...tree.rows.map((r) => r.depth)), 2, '灵韵 → 华东 → 杭州');
    const devices = await sql<{
      type: string;
      bound: boolean;
      expired: boolean;
      expiring: boolean;
      state: string;
    }>`
      select d.type, d.renewal_package_id is not null as bound, d.expires_on < ${'2026-11-25'}::date as expired,
        d.expires_on between ${'2026-11-25'}::date and ${'2026-12-25'}::date as expiring, d.state
      from devices d where d.company_id in (select id from companies
        where id = 'cmp_demo_lingyun' or parent_id = 'cmp_demo_lingyun'
          or parent_id in (select id from companies where parent_id = 'cmp_demo_lingyun'))`.execute(db);
    const rows = devices.rows;
    assert.deepEqual([...new Set(rows.map((d) => d.type))].sort(), ['CAM', 'GPS', 'POS']);
    for (const [what, some] of [
      ['bound', rows.some((d) => d.bound)],
      ['unbound', rows.some((d) => !d.bound)],
      ['expired', rows.some((d) => d.expired && d.state === 'active')],
      ['expiring within 30 days', rows.some((d) => d.expiring)],
      ['deactivated', rows.some((d) => d.state === 'deactivated')],
    ] as const)
      assert.ok(some, `a ${what} device`);
    const configs = await sql<{ name_zh: string; auto_renew: boolean; email_language: string }>`
      select c.name_zh, b.auto_renew, b.email_language from billing_configs b
      join companies c on c.id = b.company_id`.execute(db);
    assert.deepEqual(
      Object.fromEntries(configs.rows.map((r) => [r.name_zh, [r.auto_renew, r.email_language]])),
      {
        '灵韵（北京）有限公司': [false, 'zh-CN'],
      },
    );
  });
});

describe('demo seed with the payments sandbox (issue #12)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  const { payments } = refundSandbox(clock);

  it('holds orders paid each way the demo offers, invoiced, red-letter reversed and refunded, every invariant intact', async () => {
    assert.equal(await seedDemo({ database, clock }, payments), true);
    assert.deepEqual(Object.values(await brokenInvariants(database.db)).flat(), []);
    const { db } = database;
    const paid = await sql<{ payment_method: string; n: number }>`select payment_method, count(*)::int as n
      from orders where company_id = 'cmp_demo_huihuang' and order_type = 'renew' and state = 'paid'
      group by payment_method order by payment_method`.execute(db);
    assert.deepEqual(
      paid.rows.map((r) => [r.payment_method, r.n]),
      [
        ['offline', 1],
        ['sandbox', 2],
        ['wallet', 1],
      ],
    );
    const invoices = await sql<{ kind: string; n: number }>`select kind, count(*)::int as n from invoices
      group by kind order by kind`.execute(db);
    assert.deepEqual(
      invoices.rows.map((r) => [r.kind, r.n]),
      [
        ['blue', 3],
        ['red', 1],
      ],
    );
    const refunds = await sql<{
      channel: string;
      state: string;
      refund_no: string;
    }>`select channel, state, refund_no
      from refund_payments order by channel`.execute(db);
    assert.deepEqual(
      refunds.rows.map((r) => [r.channel, r.state]),
      [
        ['sandbox', 'pending'],
        ['wallet', 'succeeded'],
      ],
      'the wallet refund is credited at once; the sandbox one waits for its job with its refund number saved',
    );
    assert.ok(refunds.rows.every((r) => r.refund_no.startsWith('RF')));
  });
});
