import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { createApp } from '../../app';
import { listen } from '../../http/listen';
import { Worker } from '../../platform/jobs/worker';
import { makeUser, signIn } from '../../testing/auth-factory';
import { brokenInvariants } from '../../testing/invariant-store';
import { sql, useTestDatabase } from '../../testing/test-db';
import { viewDevice } from '../devices';
import { DEVICE_ORDER_DUE_JOB } from '../renewals';
import { renewalWorld } from '../renewals/renewal-kit';
import { expireAttemptJob } from './expire-attempt';
import { deviceOrderDueJob } from './expire-device-order-payment';
import { EXPIRE_JOB } from './online-attempt';
import { sandboxPayments } from './payments-config';
import { generateSandboxKeys } from './sandbox-platform';

type Json = Record<string, unknown> & { code?: string; details?: Record<string, unknown> };

// R20 step 4 and R28 over real HTTP: a customer's renewal order paid by balance and through the sandbox
// provider, whose platform posts signed WeChat Pay API v3 notifications to this server.
describe('R20 R28 renewal orders over HTTP: quote, confirm, pay by balance or online', async () => {
  const database = await useTestDatabase();
  const w = await renewalWorld(database);
  const { clock, ids } = w;
  let base = '';
  const { payments, platform } = sandboxPayments(clock, () => base, generateSandboxKeys());
  const app = createApp({ database, clock, payments });
  const { server, address } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${address.port}`;
  after(() => server.close());
  const worker = new Worker(
    database.db,
    clock,
    new Map([
      [EXPIRE_JOB, expireAttemptJob(clock, payments)],
      [DEVICE_ORDER_DUE_JOB, deviceOrderDueJob(clock)],
    ]),
  );
  const u = await makeUser(database, clock, { roles: ['customer'], companyId: w.root });
  const cookie = await signIn(app, u.email, u.password);
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Json };
  };
  await w.device(w.root, 'A-1', '2027-01-31');
  await w.device(w.east, 'A-2', '2026-11-01');
  await w.fund(w.root, 1_000n);
  const expiry = async (no: string) => (await viewDevice(w.deps, w.sys, ids[no] ?? '')).expires_on;
  const confirmed = async (nos: string[], months: number) => {
    clock.advance({ seconds: 1 });
    const deviceIds = nos.map((n) => ids[n]);
    const q = await call('POST', '/device-orders/quote', { deviceIds, months });
    assert.equal(q.status, 200, JSON.stringify(q.json));
    const o = await call('POST', '/device-orders', {
      deviceIds,
      months,
      expectedTotal: q.json.total,
      quotedAt: q.json.quotedAt,
    });
    assert.equal(o.status, 201, JSON.stringify(o.json));
    return { quote: q.json, order: o.json as { id: string; number: string; state: string } };
  };

  it('R20 the quote names each device’s new expiry and the total; the confirmation places one awaiting order', async () => {
    const { quote, order } = await confirmed(['A-1', 'A-2'], 6);
    assert.equal(quote.total, '180.00', '2 devices × 6 months × 15.00');
    assert.deepEqual(
      (quote.devices as { deviceNo: string; renewsTo: string }[]).map((d) => [d.deviceNo, d.renewsTo]),
      [
        ['A-1', '2027-07-31'],
        ['A-2', '2027-06-02'],
      ],
    );
    assert.equal(order.state, 'awaiting_payment');
    const screen = await call('GET', `/device-orders/${order.id}`);
    assert.deepEqual(screen.json.offered, ['wallet', 'sandbox'], 'R28 CNY: balance and the CNY provider');
    assert.equal((screen.json.items as unknown[]).length, 2);
    const paid = await call('POST', `/device-orders/${order.id}/payments`, { method: 'wallet' });
    assert.equal(paid.status, 201, JSON.stringify(paid.json));
    assert.equal((paid.json.order as Json).state, 'paid');
    assert.equal(await expiry('A-1'), '2027-07-31');
    assert.equal(await expiry('A-2'), '2027-06-02');
  });

  it('R29 an online payment delivers only when the provider says paid, and books Dr clearing / Cr revenue', async () => {
    const { order } = await confirmed(['A-1'], 12);
    const pay = await call('POST', `/device-orders/${order.id}/payments`, { method: 'sandbox' });
    assert.equal(pay.status, 201, JSON.stringify(pay.json));
    const a = pay.json.attempt as { id: string; codeUrl: string };
    assert.match(a.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    assert.equal(await expiry('A-1'), '2027-07-31', 'nothing delivered before payment');
    assert.equal((await call('POST', `/sandbox/payments/${a.id}/pay`)).status, 202);
    await platform.idle();
    assert.equal(await expiry('A-1'), '2028-07-31');
    const { rows } = await sql<{ kind: string }>`select kind from journal_entries
      where ref_type = 'device_order' and ref_id = ${order.id}`.execute(database.db);
    assert.deepEqual(
      rows.map((r) => r.kind),
      ['capture'],
    );
    const trail = await sql<{ action: string }>`select action from audit_log
      where object_type = 'payment_attempt' and object_id = ${a.id} order by at, id`.execute(database.db);
    assert.deepEqual(
      trail.rows.map((r) => r.action),
      ['payment.started', 'payment.paid'],
      'R40 the same audit words as a top-up’s or an order’s attempt',
    );
    const again = await call('POST', `/device-orders/${order.id}/payments`, { method: 'wallet' });
    assert.equal(again.json.code, 'DEVICE_ORDER_NOT_AWAITING_PAYMENT', 'paid once only');
  });

  it('R29 an order left unpaid expires at its deadline and lets go of its devices', async () => {
    const { order } = await confirmed(['A-2'], 6);
    const pay = await call('POST', `/device-orders/${order.id}/payments`, { method: 'sandbox' });
    assert.equal(pay.status, 201);
    const held = await call('POST', '/device-orders/quote', { deviceIds: [ids['A-2']], months: 6 });
    assert.equal(held.json.code, 'DEVICE_RENEWAL_OPEN');
    clock.advance({ minutes: 31 });
    await worker.drain();
    const screen = await call('GET', `/device-orders/${order.id}`);
    assert.equal(screen.json.state, 'expired');
    assert.deepEqual(screen.json.offered, []);
    const free = await call('POST', '/device-orders/quote', { deviceIds: [ids['A-2']], months: 6 });
    assert.equal(free.status, 200, 'the device is free to renew again');
    assert.equal(await expiry('A-2'), '2027-06-02', 'nothing delivered');
  });

  it('bad input is explained, never a 5xx; staff cannot commit the customer’s wallet', async () => {
    const months = await call('POST', '/device-orders/quote', { deviceIds: [ids['A-1']], months: 'six' });
    assert.equal(months.status, 422);
    assert.match(JSON.stringify(months.json), /months/);
    const none = await call('POST', '/device-orders/quote', { deviceIds: [], months: 6 });
    assert.equal(none.status, 422);
    const stale = await call('POST', '/device-orders', {
      deviceIds: [ids['A-1']],
      months: 6,
      expectedTotal: '90.00',
      quotedAt: 'yesterday',
    });
    assert.equal(stale.json.code, 'quoted_at_invalid');
    const finance = await makeUser(database, clock, { roles: ['finance'] });
    const fc = await signIn(app, finance.email, finance.password);
    const res = await fetch(`${base}/api/v1/device-orders/quote`, {
      method: 'POST',
      headers: { cookie: fc, 'content-type': 'application/json' },
      body: JSON.stringify({ deviceIds: [ids['A-1']], months: 6 }),
    });
    assert.equal(res.status, 403);
    assert.deepEqual(Object.values(await brokenInvariants(database.db)).flat(), []);
  });
});
