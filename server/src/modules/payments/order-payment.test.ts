import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from '../../testing/test-db';
import { fundCompany, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { orderPaymentWorld } from './order-payment-kit';

// R28 R29 over real HTTP: self-service orders paid through the sandbox provider (order-payment-kit.ts).
describe('R28 R29 order payment before delivery (sandbox provider)', async () => {
  const w = await orderPaymentWorld();

  it('R28 the methods offered follow channel and currency; a method not offered is refused naming those that are', async () => {
    const cn = await w.customer();
    const q = await w.call(cn.who, 'POST', '/orders/quote', {
      companyId: cn.companyId,
      productId: W.product,
      orderType: 'new',
      lines: w.lines,
    });
    assert.equal(q.status, 200, JSON.stringify(q.json));
    assert.deepEqual(
      q.json.paymentMethods,
      ['wallet', 'sandbox', 'offline'],
      'CNY: wallet, CNY providers, transfer',
    );
    const abroad = await w.customer('DE');
    const usd = await w.place(abroad.who, abroad.companyId, 'sandbox');
    assert.equal(usd.status, 422);
    assert.equal(usd.json.code, 'PAYMENT_METHOD_NOT_OFFERED');
    assert.deepEqual(
      usd.json.details?.offered,
      ['wallet', 'offline'],
      'USD: no CNY provider (PayPal not configured)',
    );
    assert.match(JSON.stringify(usd.json), /paymentMethod/);
    const agent = await w.staff(['partner_agent'], W.partnerA);
    const partner = await w.place(agent, cn.companyId, 'sandbox');
    assert.equal(partner.status, 422);
    assert.deepEqual(partner.json.details?.offered, ['wallet'], 'R2: partners pay from their wallet');
    assert.equal(await w.granted(cn.companyId), 0);
  });

  it('R29 a self-service order paid online is approved and waits, granting and holding nothing, until the sandbox payment settles it', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'sandbox');
    assert.equal(o.state, 'approved');
    const row = await w.order(o.id);
    assert.equal(
      (row?.payment_due_at?.getTime() ?? 0) - w.clock.now().epochMilliseconds,
      30 * 60 * 1000,
      'due in 30 minutes',
    );
    assert.equal(await w.granted(c.companyId), 0, 'R29 nothing granted before payment');
    assert.equal(await w.captures(o.id), 0);
    const holds = await sql`select 1 from holds where ref_id = ${o.id}`.execute(w.db);
    assert.equal(holds.rows.length, 0, 'no wallet hold');
    const view = await w.call(c.who, 'GET', `/orders/${o.id}/payments`);
    assert.deepEqual(view.json.offered, ['sandbox', 'offline']);
    const a = await w.startPay(c.who, o.id);
    assert.match(a.codeUrl ?? '', /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    assert.equal((await w.startPay(c.who, o.id)).id, a.id, 'reopening the pay screen shows the same QR code');
    assert.equal((await w.call(c.who, 'POST', `/sandbox/payments/${a.id}/pay`)).status, 202);
    await w.platform.idle();
    assert.equal((await w.order(o.id))?.state, 'paid');
    assert.equal(await w.attemptState(a.id), 'paid');
    assert.equal(await w.granted(c.companyId), 1, 'granted once paid');
    assert.equal(await w.captures(o.id), 1);
    const { rows } = await sql<{ code: string; amount: bigint }>`select a.code, p.amount from postings p
      join ledger_accounts a on a.id = p.account_id join journal_entries j on j.id = p.entry_id
      where j.ref_type = 'order' and j.ref_id = ${o.id} order by a.code`.execute(w.db);
    assert.deepEqual(
      rows.map((r) => [r.code, r.amount]),
      [
        ['provider_clearing', 182_500n],
        ['revenue', -182_500n],
      ],
    );
    await w.noBreaks();
  });

  it('R29 a duplicate notification and a racing query job settle an order payment once', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'sandbox');
    const a = await w.startPay(c.who, o.id);
    w.clock.advance({ minutes: 31 });
    w.platform.pay(a.merchantOrderNo);
    await Promise.all([w.worker.drain(), w.platform.idle()]);
    const n = w.platform.notification(a.merchantOrderNo, w.clock.now());
    assert.deepEqual(
      [
        (await w.platform.deliver(a.merchantOrderNo, n)).delivered,
        (await w.platform.deliver(a.merchantOrderNo, n)).delivered,
      ],
      [204, 204],
      'a redelivery is answered as received',
    );
    assert.equal((await w.order(o.id))?.state, 'paid');
    assert.equal(await w.captures(o.id), 1);
    const events =
      await sql`select 1 from entitlement_events where cause_type = 'order' and cause_id = ${o.id}`.execute(
        w.db,
      );
    assert.equal(events.rows.length, 1, 'granted once');
    await w.noBreaks();
  });

  it('R29 unpaid at its deadline the attempt closes and the order expires (voided), nothing granted; without an attempt the due job voids it', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'sandbox');
    const a = await w.startPay(c.who, o.id);
    const idle = await w.customer();
    const untouched = await w.placed(idle.who, idle.companyId, 'sandbox');
    w.clock.advance({ minutes: 31 });
    await w.worker.drain();
    assert.equal(await w.attemptState(a.id), 'closed');
    assert.equal((await w.order(o.id))?.state, 'voided');
    assert.equal((await w.order(untouched.id))?.state, 'voided');
    assert.equal(await w.granted(c.companyId), 0);
    const late = await w.call(c.who, 'POST', `/orders/${o.id}/payments`, { method: 'sandbox' });
    assert.equal(late.status, 409);
    assert.equal(late.json.code, 'ORDER_NOT_AWAITING_PAYMENT');
    const { rows } = await sql<{ action: string }>`select action from audit_log
      where object_type = 'order' and object_id = ${o.id} order by at, id`.execute(w.db);
    assert.deepEqual(rows.map((r) => r.action).slice(-1), ['payment_expired']);
    await w.noBreaks();
  });

  it('R29 a payment arriving after the order was voided is recorded late and grants nothing', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'sandbox');
    const a = await w.startPay(c.who, o.id);
    assert.equal((await w.call(c.who, 'POST', `/orders/${o.id}/void`, { reason: '不要了' })).status, 200);
    w.platform.pay(a.merchantOrderNo);
    await w.platform.idle();
    assert.equal((await w.order(o.id))?.state, 'voided');
    assert.equal(await w.attemptState(a.id), 'closed');
    assert.equal(await w.granted(c.companyId), 0);
    assert.equal(await w.captures(o.id), 0);
    const { rows } = await sql<{ outcome: string }>`select outcome from payment_notifications
      where attempt_id = ${a.id}`.execute(w.db);
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['late'],
    );
    await w.noBreaks();
  });

  it('R2 the wallet stays the default: a self-service order without a method is paid from the company wallet at once', async () => {
    const c = await w.customer();
    await fundCompany(w.db, w.clock, c.companyId, 1_000_000n, `pay-${c.companyId}`);
    const o = await w.placed(c.who, c.companyId, 'wallet');
    assert.equal(o.state, 'paid');
    assert.equal((await w.order(o.id))?.payment_method, 'wallet');
    assert.equal(await w.granted(c.companyId), 1);
  });

  it('R29 R13 paid after the seats moved: the grant is refused, so the order is voided and the payment closed to refund — never paid and undelivered', async () => {
    const c = await w.customer();
    await fundCompany(w.db, w.clock, c.companyId, 10_000_000n, `pay-${c.companyId}`);
    assert.equal((await w.placed(c.who, c.companyId, 'wallet')).state, 'paid');
    const renew = await w.call(c.who, 'POST', '/orders', {
      companyId: c.companyId,
      productId: W.product,
      orderType: 'renew',
      lines: [{ planId: W.edition, duration: { unit: 'year', value: 1 } }],
      submit: true,
      paymentMethod: 'sandbox',
    });
    assert.equal(renew.json.state, 'approved', JSON.stringify(renew.json));
    const renewId = String(renew.json.id);
    const more = await w.call(c.who, 'POST', '/orders', {
      companyId: c.companyId,
      productId: W.product,
      orderType: 'add_seats',
      lines: [{ planId: W.edition, seats: 1 }],
      submit: true,
    });
    assert.equal(more.json.state, 'paid');
    const before = await componentsOf(w.db, c.companyId);
    const a = await w.startPay(c.who, renewId);
    w.platform.pay(a.merchantOrderNo);
    await w.platform.idle();
    assert.equal((await w.order(renewId))?.state, 'voided');
    assert.equal(await w.attemptState(a.id), 'closed');
    assert.equal(await w.captures(renewId), 0);
    assert.deepEqual(await componentsOf(w.db, c.companyId), before, 'nothing granted');
    const { rows } = await sql<{ outcome: string }>`select outcome from payment_notifications
      where attempt_id = ${a.id}`.execute(w.db);
    assert.deepEqual(
      rows.map((r) => r.outcome),
      ['undeliverable'],
    );
    await w.noBreaks();
  });
});
