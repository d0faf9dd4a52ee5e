import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import { cursorOf } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { systemPrincipal } from '../../platform/principal';
import { customerPrincipal as customer, partnerPrincipal, staffPrincipal } from '../../testing/principals';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { createPackage, createPackageClass, registerDevice } from '../devices';
import { createCompany, createPartner } from '../parties';
import { viewBillingOrders, viewDeviceOrderItems, viewDeviceOrders, viewTopupRecords } from '.';
import {
  type DeviceOrderFixture,
  writeDeviceOrder,
  writeOfflineTopup,
  writeOnlineTopup,
} from './records-kit';

// Issue #13 slice 5 on both engines: who sees which device orders, billing orders and top-up records
// (R39 scope, R26), and every filter returning exactly the fixture rows it names.
describe('records: device orders, billing orders (R39), top-up records (R26)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-12-02T02:00:00Z');
  const deps = { database, clock };
  const { db } = database;
  const sys = systemPrincipal('cli');
  const partner = await createPartner(deps, sys, { code: 'P-REC', nameZh: '渠道甲' });
  const co = (nameZh: string, parentId: string | null = null, partnerId: string | null = null) =>
    createCompany(deps, sys, { nameZh, parentId, partnerId });
  const root = await co('根公司');
  const east = await co('华东分公司', root);
  const hz = await co('杭州门店', east);
  const other = await co('渠道客户', null, partner);
  const agent = partnerPrincipal(partner);
  const finance = staffPrincipal(['finance']);

  const cls = async (
    level: 'category' | 'subcategory',
    code: string,
    type: 'renewal' | 'value_added',
    parentId?: string,
  ) =>
    (
      await createPackageClass(deps, sys, {
        level,
        code,
        nameZh: code,
        type,
        ...(parentId ? { parentId } : {}),
      })
    ).id;
  const svc = await cls('category', 'SVC', 'renewal');
  const loc = await cls('subcategory', 'LOC', 'renewal', svc);
  const gps = await createPackage(deps, sys, {
    code: 'GPS-M',
    nameZh: '定位月包',
    categoryId: svc,
    subcategoryId: loc,
    amount: '15.00',
    currency: 'CNY',
    pricingMethod: 'per_device_month',
  });
  const dev: Record<string, string> = {};
  for (const [companyId, no] of [
    [root, 'R-1'],
    [root, 'R-2'],
    [root, 'R-3'],
    [root, 'R-4'],
    [east, 'E-1'],
    [hz, 'H-1'],
    [other, 'O-1'],
  ] as const)
    dev[no] = await registerDevice(deps, sys, {
      companyId,
      deviceNo: no,
      type: 'GPS',
      expiresOn: '2026-12-31',
    });
  const item = (no: string, valueAdded = 0n) => ({
    deviceId: dev[no] ?? no,
    packageId: gps,
    renewal: 1500n,
    valueAdded,
  });

  const ORDERS: (DeviceOrderFixture & { key: string })[] = [
    { key: 'o1', companyId: root, at: '2026-11-20T02:00:00Z', items: [item('R-1')] },
    {
      key: 'o2',
      companyId: east,
      state: 'awaiting_payment',
      paymentMethod: 'wechatpay',
      at: '2026-11-22T02:00:00Z',
      items: [item('E-1', 500n)],
    },
    {
      key: 'o3',
      companyId: hz,
      state: 'expired',
      paymentMethod: 'alipay',
      source: 'auto_renew',
      months: 6,
      at: '2026-11-24T02:00:00Z',
      items: [item('H-1')],
    },
    {
      key: 'o4',
      companyId: other,
      paymentMethod: 'paypal',
      currency: 'USD',
      at: '2026-11-26T02:00:00Z',
      items: [item('O-1', 300n)],
    },
    {
      key: 'o5',
      companyId: root,
      paymentMethod: 'sandbox',
      source: 'auto_renew',
      months: 24,
      at: '2026-11-28T02:00:00Z',
      items: [item('R-4'), item('R-2', 200n), item('R-3')],
    },
  ];
  const made: Record<string, { id: string; number: string }> = {};
  for (const o of ORDERS) made[o.key] = await writeDeviceOrder(db, o);
  const num = (k: string) => made[k]?.number ?? k;
  const keysOf = (numbers: string[]) =>
    numbers.map((n) => Object.keys(made).find((k) => made[k]?.number === n) ?? n).sort();

  const orders = async (p: Principal, w: { companyId?: string; depth?: 'direct' | 'all' } = {}, f = {}) =>
    keysOf((await viewDeviceOrders(deps, p, w, { sort: '-created', limit: 100, ...f })).map((r) => r.number));

  it('R39 scope: a customer sees its company tree’s device orders, a partner its customers’, scoped staff its tree', async () => {
    assert.deepEqual(await orders(customer(root)), ['o1', 'o2', 'o3', 'o5']);
    assert.deepEqual(await orders(customer(east)), ['o2', 'o3'], 'a subsidiary never sees its parent’s');
    assert.deepEqual(
      await orders(staffPrincipal(['support'], east)),
      ['o2', 'o3'],
      'staff scoped to 华东 (ADR 0023)',
    );
    assert.deepEqual(await orders(agent), ['o4']);
    assert.deepEqual(await orders(staffPrincipal(['finance'])), ['o1', 'o2', 'o3', 'o4', 'o5']);
    assert.deepEqual(await orders(customer(root), { companyId: root, depth: 'direct' }), ['o1', 'o5']);
    assert.deepEqual(await orders(customer(root), { companyId: east }), ['o2', 'o3']);
    const foreign = await refusal(orders(customer(root), { companyId: other }));
    assert.equal(foreign.status, 404, 'another party’s company is a 404, not an empty list');
    const item404 = await refusal(
      viewDeviceOrderItems(deps, customer(east), made.o1?.id ?? '', { sort: 'deviceNo', limit: 10 }),
    );
    assert.equal(item404.status, 404);
  });

  it('R39 each device-order filter returns exactly the orders it names', async () => {
    const expect = (pred: (o: DeviceOrderFixture) => boolean) =>
      ORDERS.filter(pred)
        .map((o) => o.key)
        .sort();
    const cases: [Record<string, string>, (o: DeviceOrderFixture) => boolean][] = [
      [{ state: 'paid' }, (o) => (o.state ?? 'paid') === 'paid'],
      [{ state: 'awaiting_payment' }, (o) => o.state === 'awaiting_payment'],
      [{ state: 'expired' }, (o) => o.state === 'expired'],
      [{ paymentMethod: 'wallet' }, (o) => (o.paymentMethod ?? 'wallet') === 'wallet'],
      [{ paymentMethod: 'paypal' }, (o) => o.paymentMethod === 'paypal'],
      [{ currency: 'USD' }, (o) => o.currency === 'USD'],
      [{ currency: 'CNY' }, (o) => (o.currency ?? 'CNY') === 'CNY'],
      [{ source: 'auto_renew' }, (o) => o.source === 'auto_renew'],
      [{ source: 'customer' }, (o) => (o.source ?? 'customer') === 'customer'],
      // business dates in Asia/Shanghai: 02:00Z is 10:00 the same day there
      [{ from: '2026-11-22', to: '2026-11-26' }, (o) => o.at >= '2026-11-22' && o.at < '2026-11-27'],
      [{ partnerId: partner }, (o) => o.companyId === other],
      [{ q: num('o3') }, (o) => o === ORDERS[2]],
    ];
    for (const [f, pred] of cases) {
      const want = expect(pred);
      assert.ok(want.length > 0, `fixture covers ${JSON.stringify(f)}`);
      assert.deepEqual(await orders(finance, {}, f), want, JSON.stringify(f));
    }
  });

  it('R39 an order shows its total split into renewal and value-added; its items page by device id', async () => {
    const [o5] = await viewDeviceOrders(deps, finance, {}, { q: num('o5'), sort: '-created', limit: 5 });
    assert.ok(o5);
    assert.equal(o5.total, (1500n * 3n + 200n) * 24n);
    assert.equal(o5.value_added_total, 200n * 24n);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      // one row a page: the store answers limit rows, the second only says there is a next page
      const { items } = await viewDeviceOrderItems(deps, customer(root), o5.id, {
        sort: 'deviceNo',
        limit: 2,
        ...(after ? { after } : {}),
      });
      const [first, more] = items;
      if (first) seen.push(first.device_no);
      if (!first || !more) break;
      after = cursorOf(first);
    }
    assert.deepEqual(seen, ['R-2', 'R-3', 'R-4'], 'one page at a time, each device once, in order');
  });

  // Top-ups: online attempts and offline applications, over the same wallets.
  const T = [
    {
      key: 'a1',
      kind: 'online',
      ownerType: 'company',
      ownerId: root,
      state: 'paid',
      amount: 10000n,
      at: '2026-11-21T02:00:00Z',
    },
    {
      key: 'a2',
      kind: 'online',
      ownerType: 'company',
      ownerId: east,
      state: 'pending',
      provider: 'alipay',
      amount: 2000n,
      at: '2026-11-23T02:00:00Z',
    },
    {
      key: 'a3',
      kind: 'online',
      ownerType: 'partner',
      ownerId: partner,
      state: 'paid',
      provider: 'paypal',
      currency: 'USD',
      amount: 5000n,
      at: '2026-11-25T02:00:00Z',
    },
    {
      key: 'a4',
      kind: 'online',
      ownerType: 'company',
      ownerId: other,
      state: 'failed',
      amount: 700n,
      at: '2026-11-27T02:00:00Z',
    },
    {
      key: 'b1',
      kind: 'offline',
      ownerType: 'company',
      ownerId: root,
      state: 'approved',
      amount: 88800n,
      at: '2026-11-22T03:00:00Z',
    },
    {
      key: 'b2',
      kind: 'offline',
      ownerType: 'partner',
      ownerId: partner,
      state: 'submitted',
      currency: 'USD',
      amount: 9900n,
      at: '2026-11-24T03:00:00Z',
    },
    {
      key: 'b3',
      kind: 'offline',
      ownerType: 'company',
      ownerId: east,
      state: 'draft',
      amount: 100n,
      at: '2026-11-26T03:00:00Z',
    },
    {
      key: 'b4',
      kind: 'offline',
      ownerType: 'company',
      ownerId: other,
      state: 'declined',
      amount: 300n,
      at: '2026-11-29T03:00:00Z',
    },
  ] as const;
  const topupNo: Record<string, string> = {};
  for (const t of T) {
    const currency = 'currency' in t ? t.currency : 'CNY';
    topupNo[t.key] = (
      t.kind === 'online'
        ? await writeOnlineTopup(db, { ...t, currency, provider: 'provider' in t ? t.provider : 'wechatpay' })
        : await writeOfflineTopup(db, { ...t, currency })
    ).number;
  }
  const topKeys = (numbers: string[]) =>
    numbers.map((n) => Object.keys(topupNo).find((k) => topupNo[k] === n) ?? n).sort();
  const topups = async (p: Principal, f = {}, w = {}) =>
    topKeys((await viewTopupRecords(deps, p, w, { sort: '-at', limit: 100, ...f })).map((r) => r.number));

  it('R26 top-up records list settled and pending top-ups, online and offline, of the wallets in scope', async () => {
    assert.deepEqual(await topups(customer(root)), ['a1', 'a2', 'b1'], 'its tree: 华东’s pending one too');
    assert.deepEqual(await topups(customer(east)), ['a2']);
    assert.deepEqual(await topups(agent), ['a3', 'b2'], 'the partner’s own wallet');
    assert.deepEqual(await topups(staffPrincipal(['support'])), [], 'tech support sees no money');
    assert.deepEqual(
      await topups(finance),
      ['a1', 'a2', 'a3', 'a4', 'b1', 'b2', 'b4'],
      'drafts are not top-ups yet',
    );
    assert.deepEqual(
      await topups(staffPrincipal(['finance'], east)),
      ['a2'],
      'scoped finance: its tree, no partner wallet',
    );
    const rows = await viewTopupRecords(deps, customer(root), {}, { sort: '-at', limit: 10 });
    assert.deepEqual(
      rows.map((r) => [topKeys([r.number])[0], r.channel, r.state, r.status]),
      [
        ['a2', 'online', 'pending', 'pending'],
        ['b1', 'offline', 'settled', 'approved'],
        ['a1', 'online', 'settled', 'paid'],
      ],
    );
  });

  it('R26 each top-up filter returns exactly the records it names', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ state: 'settled' }, ['a1', 'a3', 'b1']],
      [{ state: 'pending' }, ['a2', 'b2']],
      [{ state: 'closed' }, ['a4', 'b4']],
      [{ channel: 'offline' }, ['b1', 'b2', 'b4']],
      [{ paymentMethod: 'paypal' }, ['a3']],
      [{ paymentMethod: 'offline' }, ['b1', 'b2', 'b4']],
      [{ currency: 'USD' }, ['a3', 'b2']],
      [{ partnerId: partner }, ['a3', 'a4', 'b2', 'b4']],
      [{ from: '2026-11-22', to: '2026-11-24' }, ['a2', 'b1', 'b2']],
    ];
    for (const [f, want] of cases) assert.deepEqual(await topups(finance, f), want, JSON.stringify(f));
    assert.deepEqual(await topups(finance, {}, { companyId: root, depth: 'direct' }), ['a1', 'b1']);
  });

  const billing = async (p: Principal, f = {}, w = {}) =>
    (await viewBillingOrders(deps, p, w, { sort: '-paid', limit: 100, ...f }))
      .map((r) => `${r.type}:${topKeys(keysOf([r.number]))[0]}`)
      .sort();

  it('R39 订单管理: paid top-ups, renewals and value-added orders in one list, for finance and admins', async () => {
    assert.deepEqual(await billing(finance), [
      'renewal:o1',
      'topup:a1',
      'topup:a3',
      'topup:b1',
      'value_added:o4',
      'value_added:o5',
    ]);
    for (const role of ['sales', 'customer', 'support', 'order_desk'] as const)
      assert.equal((await refusal(billing(staffPrincipal([role])))).status, 403, role);
    assert.deepEqual(
      await billing(staffPrincipal(['finance'], east)),
      [],
      'scoped finance: nothing paid in 华东',
    );
    assert.deepEqual(await billing(staffPrincipal(['admin'], root)), [
      'renewal:o1',
      'topup:a1',
      'topup:b1',
      'value_added:o5',
    ]);
  });

  it('R39 each billing-order filter returns exactly the orders it names', async () => {
    const cases: [Record<string, string>, string[]][] = [
      [{ type: 'topup' }, ['topup:a1', 'topup:a3', 'topup:b1']],
      [{ type: 'renewal' }, ['renewal:o1']],
      [{ type: 'value_added' }, ['value_added:o4', 'value_added:o5']],
      [{ paymentMethod: 'offline' }, ['topup:b1']],
      [{ paymentMethod: 'sandbox' }, ['value_added:o5']],
      [{ currency: 'USD' }, ['topup:a3', 'value_added:o4']],
      [{ partnerId: partner }, ['topup:a3', 'value_added:o4']],
      // paid an hour (orders) or a minute (online) after creation; offline decided an hour later
      [{ from: '2026-11-21', to: '2026-11-25' }, ['topup:a1', 'topup:a3', 'topup:b1']],
    ];
    for (const [f, want] of cases) assert.deepEqual(await billing(finance, f), want, JSON.stringify(f));
    assert.deepEqual(await billing(finance, {}, { companyId: root, depth: 'direct' }), [
      'renewal:o1',
      'topup:a1',
      'topup:b1',
      'value_added:o5',
    ]);
  });
});
