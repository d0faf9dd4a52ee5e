import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { createApp } from '../../app';
import { listen } from '../../http/listen';
import { FakeClock } from '../../platform/clock';
import { Worker } from '../../platform/jobs/worker';
import { systemPrincipal } from '../../platform/principal';
import { makeUser, signIn } from '../../testing/auth-factory';
import { brokenInvariants } from '../../testing/invariant-store';
import { sql, useTestDatabase } from '../../testing/test-db';
import { buildWorld, fundCompany, P, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { approveOrder, ORDER_DUE_JOB } from '../orders';
import { registerEndpoint } from '../webhooks';
import { expireAttemptJob } from './expire-attempt';
import { orderDueJob } from './expire-order-payment';
import { sandboxPayments } from './payments-config';
import { generateSandboxKeys } from './sandbox-platform';
import { EXPIRE_JOB } from './start-online-topup';

type Json = Record<string, unknown> & { code?: string; details?: Record<string, unknown> };

// R28 R29 over real HTTP: a customer's self-service order paid through the sandbox provider, whose
// platform posts WeChat Pay API v3 notifications (signed, encrypted) to this server's notify endpoint.
describe('R28 R29 order payment before delivery (sandbox provider, offline transfer)', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  await buildWorld(db);
  let base = '';
  const { payments, platform } = sandboxPayments(clock, () => base, generateSandboxKeys());
  const app = createApp({ database, clock, payments });
  const { server, address } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${address.port}`;
  after(() => server.close());
  const worker = new Worker(
    db,
    clock,
    new Map([
      [EXPIRE_JOB, expireAttemptJob(clock, payments)],
      [ORDER_DUE_JOB, orderDueJob(clock)],
    ]),
  );

  let seq = 0;
  const cookies = new Map<string, string>();
  /** A company of partner A with its own customer user, so every case starts from no entitlement. */
  const customer = async (region = 'CN') => {
    const companyId = `cmp_pay_${++seq}`;
    await sql`insert into companies (id, name_zh, name_en, region, partner_id, created_at)
      values (${companyId}, ${`付款测试${seq}`}, ${`Pay test ${seq}`}, ${region}, ${W.partnerA}, now())`.execute(
      db,
    );
    const u = await makeUser(database, clock, { roles: ['customer'], companyId });
    cookies.set(u.id, await signIn(app, u.email, u.password));
    return { companyId, who: u.id };
  };
  const staff = async (roles: ('finance' | 'sales' | 'partner_agent')[], partnerId?: string) => {
    const u = await makeUser(database, clock, { roles, ...(partnerId ? { partnerId } : {}) });
    cookies.set(u.id, await signIn(app, u.email, u.password));
    return u.id;
  };
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        cookie: cookies.get(who) ?? '',
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Json };
  };
  const lines = [{ planId: W.edition, seats: 5, duration: { unit: 'year', value: 1 } }];
  const place = (who: string, companyId: string, paymentMethod?: string) =>
    call(who, 'POST', '/orders', {
      companyId,
      productId: W.product,
      orderType: 'new',
      lines,
      submit: true,
      ...(paymentMethod ? { paymentMethod } : {}),
    });
  const placed = async (who: string, companyId: string, method: string) => {
    const r = await place(who, companyId, method);
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json as { id: string; number: string; state: string };
  };
  const startPay = async (who: string, orderId: string, body: unknown = { method: 'sandbox' }) => {
    const r = await call(who, 'POST', `/orders/${orderId}/payments`, body);
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json as {
      id: string;
      merchantOrderNo: string;
      codeUrl: string | null;
      state: string;
      expiresAt: string;
    };
  };
  const order = async (id: string) =>
    (
      await sql<{ state: string; paid_at: Date | null; payment_due_at: Date | null; payment_method: string }>`
      select state, paid_at, payment_due_at, payment_method from orders where id = ${id}`.execute(db)
    ).rows[0];
  const attemptState = async (id: string) =>
    (await sql<{ state: string }>`select state from payment_attempts where id = ${id}`.execute(db)).rows[0]
      ?.state;
  const captures = async (orderId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from journal_entries
        where ref_type = 'order' and ref_id = ${orderId}`.execute(db)
    ).rows[0]?.n;
  const granted = async (companyId: string) => (await componentsOf(db, companyId)).length;
  const noBreaks = async () => assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);

  it('R28 the methods offered follow channel and currency; a method not offered is refused naming those that are', async () => {
    const cn = await customer();
    const q = await call(cn.who, 'POST', '/orders/quote', {
      companyId: cn.companyId,
      productId: W.product,
      orderType: 'new',
      lines,
    });
    assert.equal(q.status, 200, JSON.stringify(q.json));
    assert.deepEqual(
      q.json.paymentMethods,
      ['wallet', 'sandbox', 'offline'],
      'CNY: wallet, CNY providers, transfer',
    );
    const abroad = await customer('DE');
    const usd = await place(abroad.who, abroad.companyId, 'sandbox');
    assert.equal(usd.status, 422);
    assert.equal(usd.json.code, 'PAYMENT_METHOD_NOT_OFFERED');
    assert.deepEqual(
      usd.json.details?.offered,
      ['wallet', 'offline'],
      'USD: no CNY provider (PayPal not configured)',
    );
    assert.match(JSON.stringify(usd.json), /paymentMethod/);
    const agent = await staff(['partner_agent'], W.partnerA);
    const partner = await place(agent, cn.companyId, 'sandbox');
    assert.equal(partner.status, 422);
    assert.deepEqual(partner.json.details?.offered, ['wallet'], 'R2: partners pay from their wallet');
    assert.equal(await granted(cn.companyId), 0);
  });

  it('R29 a self-service order paid online is approved and waits, granting and holding nothing, until the sandbox payment settles it', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'sandbox');
    assert.equal(o.state, 'approved');
    const row = await order(o.id);
    assert.equal(
      (row?.payment_due_at?.getTime() ?? 0) - clock.now().epochMilliseconds,
      30 * 60 * 1000,
      'due in 30 minutes',
    );
    assert.equal(await granted(c.companyId), 0, 'R29 nothing granted before payment');
    assert.equal(await captures(o.id), 0);
    const holds = await sql`select 1 from holds where ref_id = ${o.id}`.execute(db);
    assert.equal(holds.rows.length, 0, 'no wallet hold');
    const view = await call(c.who, 'GET', `/orders/${o.id}/payments`);
    assert.deepEqual(view.json.offered, ['sandbox', 'offline']);
    const a = await startPay(c.who, o.id);
    assert.match(a.codeUrl ?? '', /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    assert.equal((await startPay(c.who, o.id)).id, a.id, 'reopening the pay screen shows the same QR code');
    assert.equal((await call(c.who, 'POST', `/sandbox/payments/${a.id}/pay`)).status, 202);
    await platform.idle();
    assert.equal((await order(o.id))?.state, 'paid');
    assert.equal(await attemptState(a.id), 'paid');
    assert.equal(await granted(c.companyId), 1, 'granted once paid');
    assert.equal(await captures(o.id), 1);
    const { rows } = await sql<{ code: string; amount: bigint }>`select a.code, p.amount from postings p
      join ledger_accounts a on a.id = p.account_id join journal_entries j on j.id = p.entry_id
      where j.ref_type = 'order' and j.ref_id = ${o.id} order by a.code`.execute(db);
    assert.deepEqual(
      rows.map((r) => [r.code, r.amount]),
      [
        ['provider_clearing', 182_500n],
        ['revenue', -182_500n],
      ],
    );
    await noBreaks();
  });

  it('R29 a duplicate notification and a racing query job settle an order payment once', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'sandbox');
    const a = await startPay(c.who, o.id);
    clock.advance({ minutes: 31 });
    platform.pay(a.merchantOrderNo);
    await Promise.all([worker.drain(), platform.idle()]);
    const n = platform.notification(a.merchantOrderNo, clock.now());
    assert.deepEqual(
      [
        (await platform.deliver(a.merchantOrderNo, n)).delivered,
        (await platform.deliver(a.merchantOrderNo, n)).delivered,
      ],
      [204, 204],
      'a redelivery is answered as received',
    );
    assert.equal((await order(o.id))?.state, 'paid');
    assert.equal(await captures(o.id), 1);
    const events =
      await sql`select 1 from entitlement_events where cause_type = 'order' and cause_id = ${o.id}`.execute(
        db,
      );
    assert.equal(events.rows.length, 1, 'granted once');
    await noBreaks();
  });

  it('R29 unpaid at its deadline the attempt closes and the order expires (voided), nothing granted; without an attempt the due job voids it', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'sandbox');
    const a = await startPay(c.who, o.id);
    const idle = await customer();
    const untouched = await placed(idle.who, idle.companyId, 'sandbox');
    clock.advance({ minutes: 31 });
    await worker.drain();
    assert.equal(await attemptState(a.id), 'closed');
    assert.equal((await order(o.id))?.state, 'voided');
    assert.equal((await order(untouched.id))?.state, 'voided');
    assert.equal(await granted(c.companyId), 0);
    const late = await call(c.who, 'POST', `/orders/${o.id}/payments`, { method: 'sandbox' });
    assert.equal(late.status, 409);
    assert.equal(late.json.code, 'ORDER_NOT_AWAITING_PAYMENT');
    const { rows } = await sql<{ action: string }>`select action from audit_log
      where object_type = 'order' and object_id = ${o.id} order by at, id`.execute(db);
    assert.deepEqual(rows.map((r) => r.action).slice(-1), ['payment_expired']);
    await noBreaks();
  });

  it('R29 a payment arriving after the order was voided is recorded late and grants nothing', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'sandbox');
    const a = await startPay(c.who, o.id);
    assert.equal((await call(c.who, 'POST', `/orders/${o.id}/void`, { reason: '不要了' })).status, 200);
    platform.pay(a.merchantOrderNo);
    await platform.idle();
    assert.equal((await order(o.id))?.state, 'voided');
    assert.equal(await attemptState(a.id), 'closed');
    assert.equal(await granted(c.companyId), 0);
    assert.equal(await captures(o.id), 0);
    const { rows } = await sql<{ outcome: string }>`select outcome from payment_notifications
      where attempt_id = ${a.id}`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['late'],
    );
    await noBreaks();
  });

  it('R29 a bank transfer is recorded with its reference and confirmed by finance, never by its recorder; the order is paid then', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'offline');
    assert.equal(o.state, 'approved');
    const due = (await order(o.id))?.payment_due_at?.getTime() ?? 0;
    assert.equal(due - clock.now().epochMilliseconds, 72 * 3600 * 1000, 'a transfer gets 72 hours');
    const missing = await call(c.who, 'POST', `/orders/${o.id}/payments`, { method: 'offline' });
    assert.equal(missing.status, 422);
    assert.equal(missing.json.code, 'BANK_REFERENCE_REQUIRED');
    const t = await startPay(c.who, o.id, {
      method: 'offline',
      bankReference: 'CMB20261120001',
      evidenceNote: '回单.pdf',
    });
    assert.equal(t.state, 'pending');
    const again = await call(c.who, 'POST', `/orders/${o.id}/payments`, {
      method: 'offline',
      bankReference: 'X12345',
    });
    assert.equal(again.json.code, 'OFFLINE_PAYMENT_PENDING');
    assert.equal(
      (await call(c.who, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: 'ok' })).status,
      403,
    );
    // Past the deadline, a recorded transfer keeps the order waiting for finance.
    clock.advance({ hours: 73 });
    await worker.drain();
    assert.equal((await order(o.id))?.state, 'approved');
    const fin = await staff(['finance']);
    assert.equal(await granted(c.companyId), 0);
    const ok = await call(fin, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '已到账' });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(ok.json.state, 'paid');
    assert.equal((await order(o.id))?.state, 'paid');
    assert.equal(await granted(c.companyId), 1);
    const twice = await call(fin, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '再次' });
    assert.equal(twice.json.code, 'NOT_A_PENDING_TRANSFER');
    assert.equal(await captures(o.id), 1);
    await noBreaks();
  });

  it('R29 duties separate: whoever records a transfer (sales with a finance role too) may not confirm it; a decline fails it and the overdue order expires', async () => {
    const c = await customer();
    const o = await placed(c.who, c.companyId, 'offline');
    const both = await staff(['sales', 'finance']);
    const t = await startPay(both, o.id, { method: 'offline', bankReference: 'ICBC-7788' });
    const self = await call(both, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '自己确认' });
    assert.equal(self.status, 403);
    assert.equal(self.json.code, 'SELF_CONFIRM');
    clock.advance({ hours: 73 });
    const fin = await staff(['finance']);
    const no = await call(fin, 'POST', `/payments/attempts/${t.id}/decline`, { comment: '未到账' });
    assert.equal(no.status, 200);
    assert.equal(no.json.state, 'failed');
    assert.equal((await order(o.id))?.state, 'voided');
    assert.equal(await granted(c.companyId), 0);
    await noBreaks();
  });

  it('R29 a reviewed direct order paid by transfer: no hold on submit, approved by the desk to wait for payment, paid once finance confirms; webhooks order.paid and payment.failed', async () => {
    const admin = await makeUser(database, clock, { roles: ['admin'] });
    const asAdmin = { ...systemPrincipal('api'), userId: admin.id, kind: 'staff' as const };
    await registerEndpoint({ database, clock }, asAdmin, {
      url: 'https://hooks.example.com/kaidan',
      eventTypes: ['order.paid', 'payment.failed'],
    });
    const companyId = `cmp_pay_direct_${++seq}`;
    await sql`insert into companies (id, name_zh, region, created_at)
      values (${companyId}, '直销客户', 'CN', now())`.execute(db);
    const sales = await staff(['sales']);
    const o = await placed(sales, companyId, 'offline');
    assert.equal(o.state, 'submitted', 'R3: a direct new order waits for the desk');
    const holds = await sql`select 1 from holds where ref_id = ${o.id}`.execute(db);
    assert.equal(holds.rows.length, 0, 'R2 holds only a wallet payment');
    const online = await place(sales, companyId, 'sandbox');
    assert.deepEqual(online.json.details?.offered, ['wallet', 'offline'], 'desk orders are not paid online');
    await approveOrder({ database, clock }, P.desk, o.id);
    const row = await order(o.id);
    assert.equal(row?.state, 'approved');
    assert.equal((row?.payment_due_at?.getTime() ?? 0) - clock.now().epochMilliseconds, 72 * 3600 * 1000);
    assert.equal(await granted(companyId), 0);
    const t = await startPay(sales, o.id, { method: 'offline', bankReference: 'BOC-20261120-9' });
    const fin = await staff(['finance']);
    const no = await call(fin, 'POST', `/payments/attempts/${t.id}/decline`, { comment: '金额不符' });
    assert.equal(no.json.state, 'failed');
    assert.equal((await order(o.id))?.state, 'approved', 'not yet due: the payer may record again');
    const t2 = await startPay(sales, o.id, { method: 'offline', bankReference: 'BOC-20261120-10' });
    assert.equal(
      (await call(fin, 'POST', `/payments/attempts/${t2.id}/confirm`, { comment: '已到账' })).status,
      200,
    );
    assert.equal((await order(o.id))?.state, 'paid');
    assert.equal(await granted(companyId), 1);
    const { rows } = await sql<{ type: string; payload: Record<string, string> }>`select type, payload
      from webhook_events where payload->>'orderId' = ${o.id} order by created_at, id`.execute(db);
    assert.deepEqual(
      rows.map((r) => [r.type, r.payload.reason ?? r.payload.total]),
      [
        ['payment.failed', 'declined'],
        ['order.paid', '1825.00'],
      ],
    );
    await noBreaks();
  });

  it('R29 R13 paid after the seats moved: the grant is refused, so the order is voided and the payment closed to refund — never paid and undelivered', async () => {
    const c = await customer();
    await fundCompany(db, clock, c.companyId, 10_000_000n, `pay-${c.companyId}`);
    assert.equal((await placed(c.who, c.companyId, 'wallet')).state, 'paid');
    const renew = await call(c.who, 'POST', '/orders', {
      companyId: c.companyId,
      productId: W.product,
      orderType: 'renew',
      lines: [{ planId: W.edition, duration: { unit: 'year', value: 1 } }],
      submit: true,
      paymentMethod: 'sandbox',
    });
    assert.equal(renew.json.state, 'approved', JSON.stringify(renew.json));
    const renewId = String(renew.json.id);
    const more = await call(c.who, 'POST', '/orders', {
      companyId: c.companyId,
      productId: W.product,
      orderType: 'add_seats',
      lines: [{ planId: W.edition, seats: 1 }],
      submit: true,
    });
    assert.equal(more.json.state, 'paid');
    const before = await componentsOf(db, c.companyId);
    const a = await startPay(c.who, renewId);
    platform.pay(a.merchantOrderNo);
    await platform.idle();
    assert.equal((await order(renewId))?.state, 'voided');
    assert.equal(await attemptState(a.id), 'closed');
    assert.equal(await captures(renewId), 0);
    assert.deepEqual(await componentsOf(db, c.companyId), before, 'nothing granted');
    const { rows } = await sql<{ outcome: string }>`select outcome from payment_notifications
      where attempt_id = ${a.id}`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['undeliverable'],
    );
    await noBreaks();
  });

  it('R2 the wallet stays the default: a self-service order without a method is paid from the company wallet at once', async () => {
    const c = await customer();
    await fundCompany(db, clock, c.companyId, 1_000_000n, `pay-${c.companyId}`);
    const o = await placed(c.who, c.companyId, 'wallet');
    assert.equal(o.state, 'paid');
    assert.equal((await order(o.id))?.payment_method, 'wallet');
    assert.equal(await granted(c.companyId), 1);
  });
});
