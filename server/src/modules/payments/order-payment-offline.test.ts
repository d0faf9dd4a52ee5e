import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemPrincipal } from '../../platform/principal';
import { makeUser } from '../../testing/auth-factory';
import { sql } from '../../testing/test-db';
import { P } from '../../testing/world';
import { approveOrder } from '../orders';
import { registerEndpoint } from '../webhooks';
import { orderPaymentWorld } from './order-payment-kit';

// R29 offline over real HTTP: a bank transfer recorded for an order, decided by finance (order-payment-kit.ts).
describe('R29 order payment by bank transfer, confirmed by finance', async () => {
  const w = await orderPaymentWorld();

  it('R29 a bank transfer is recorded with its reference and confirmed by finance, never by its recorder; the order is paid then', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'offline');
    assert.equal(o.state, 'approved');
    const due = (await w.order(o.id))?.payment_due_at?.getTime() ?? 0;
    assert.equal(due - w.clock.now().epochMilliseconds, 72 * 3600 * 1000, 'a transfer gets 72 hours');
    const missing = await w.call(c.who, 'POST', `/orders/${o.id}/payments`, { method: 'offline' });
    assert.equal(missing.status, 422);
    assert.equal(missing.json.code, 'BANK_REFERENCE_REQUIRED');
    const t = await w.startPay(c.who, o.id, {
      method: 'offline',
      bankReference: 'CMB20261120001',
      evidenceNote: '回单.pdf',
    });
    assert.equal(t.state, 'pending');
    const again = await w.call(c.who, 'POST', `/orders/${o.id}/payments`, {
      method: 'offline',
      bankReference: 'X12345',
    });
    assert.equal(again.json.code, 'OFFLINE_PAYMENT_PENDING');
    assert.equal(
      (await w.call(c.who, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: 'ok' })).status,
      403,
    );
    // Past the deadline, a recorded transfer keeps the order waiting for finance.
    w.clock.advance({ hours: 73 });
    await w.worker.drain();
    assert.equal((await w.order(o.id))?.state, 'approved');
    const fin = await w.staff(['finance']);
    assert.equal(await w.granted(c.companyId), 0);
    const ok = await w.call(fin, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '已到账' });
    assert.equal(ok.status, 200, JSON.stringify(ok.json));
    assert.equal(ok.json.state, 'paid');
    assert.equal((await w.order(o.id))?.state, 'paid');
    assert.equal(await w.granted(c.companyId), 1);
    const twice = await w.call(fin, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '再次' });
    assert.equal(twice.json.code, 'NOT_A_PENDING_TRANSFER');
    assert.equal(await w.captures(o.id), 1);
    await w.noBreaks();
  });

  it('R29 duties separate: whoever records a transfer (sales with a finance role too) may not confirm it; a decline fails it and the overdue order expires', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'offline');
    const both = await w.staff(['sales', 'finance']);
    const t = await w.startPay(both, o.id, { method: 'offline', bankReference: 'ICBC-7788' });
    const self = await w.call(both, 'POST', `/payments/attempts/${t.id}/confirm`, { comment: '自己确认' });
    assert.equal(self.status, 403);
    assert.equal(self.json.code, 'SELF_CONFIRM');
    w.clock.advance({ hours: 73 });
    const fin = await w.staff(['finance']);
    const no = await w.call(fin, 'POST', `/payments/attempts/${t.id}/decline`, { comment: '未到账' });
    assert.equal(no.status, 200);
    assert.equal(no.json.state, 'failed');
    assert.equal((await w.order(o.id))?.state, 'voided');
    assert.equal(await w.granted(c.companyId), 0);
    await w.noBreaks();
  });

  it('R29 a reviewed direct order paid by transfer: no hold on submit, approved by the desk to wait for payment, paid once finance confirms; webhooks order.paid and payment.failed', async () => {
    const admin = await makeUser(w.database, w.clock, { roles: ['admin'] });
    const asAdmin = { ...systemPrincipal('api'), userId: admin.id, kind: 'staff' as const };
    await registerEndpoint({ database: w.database, clock: w.clock }, asAdmin, {
      url: 'https://hooks.example.com/kaidan',
      eventTypes: ['order.paid', 'payment.failed'],
    });
    const companyId = `cmp_pay_direct_${w.nextSeq()}`;
    await sql`insert into companies (id, name_zh, region, created_at)
      values (${companyId}, '直销客户', 'CN', now())`.execute(w.db);
    const sales = await w.staff(['sales']);
    const o = await w.placed(sales, companyId, 'offline');
    assert.equal(o.state, 'submitted', 'R3: a direct new order waits for the desk');
    const holds = await sql`select 1 from holds where ref_id = ${o.id}`.execute(w.db);
    assert.equal(holds.rows.length, 0, 'R2 holds only a wallet payment');
    const online = await w.place(sales, companyId, 'sandbox');
    assert.deepEqual(online.json.details?.offered, ['wallet', 'offline'], 'desk orders are not paid online');
    await approveOrder({ database: w.database, clock: w.clock }, P.desk, o.id);
    const row = await w.order(o.id);
    assert.equal(row?.state, 'approved');
    assert.equal((row?.payment_due_at?.getTime() ?? 0) - w.clock.now().epochMilliseconds, 72 * 3600 * 1000);
    assert.equal(await w.granted(companyId), 0);
    const t = await w.startPay(sales, o.id, { method: 'offline', bankReference: 'BOC-20261120-9' });
    const fin = await w.staff(['finance']);
    const no = await w.call(fin, 'POST', `/payments/attempts/${t.id}/decline`, { comment: '金额不符' });
    assert.equal(no.json.state, 'failed');
    assert.equal((await w.order(o.id))?.state, 'approved', 'not yet due: the payer may record again');
    const t2 = await w.startPay(sales, o.id, { method: 'offline', bankReference: 'BOC-20261120-10' });
    assert.equal(
      (await w.call(fin, 'POST', `/payments/attempts/${t2.id}/confirm`, { comment: '已到账' })).status,
      200,
    );
    assert.equal((await w.order(o.id))?.state, 'paid');
    assert.equal(await w.granted(companyId), 1);
    const { rows } = await sql<{ type: string; payload: Record<string, string> }>`select type, payload
      from webhook_events where payload->>'orderId' = ${o.id} order by created_at, id`.execute(w.db);
    assert.deepEqual(
      rows.map((r) => [r.type, r.payload.reason ?? r.payload.total]),
      [
        ['payment.failed', 'declined'],
        ['order.paid', '1825.00'],
      ],
    );
    await w.noBreaks();
  });
});
