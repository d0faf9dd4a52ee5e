import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Worker } from '../../platform/jobs/worker';
import { sql } from '../../testing/test-db';
import { W } from '../../testing/world';
import { LATE_PAYMENT_JOB } from '../payments';
import { orderPaymentWorld } from '../payments/order-payment-kit';
import { REFUND_JOB } from './accept-refund';
import { executeRefundJob } from './execute-refund';
import { refundLatePaymentJob } from './refund-late-payment';

interface RefundRow {
  id: string;
  request_id: string | null;
  attempt_id: string;
  channel: string;
  amount: bigint;
  state: string;
  refund_no: string;
}

// R29 + R35 on both engines: the payer's money that arrives after the order stopped waiting grants nothing
// and goes back by its channel without anyone filing a refund, once however often the provider redelivers.
describe('R29 R35 money that comes late goes back by its channel, unasked', async () => {
  const w = await orderPaymentWorld();
  const worker = new Worker(
    w.db,
    w.clock,
    new Map([
      [LATE_PAYMENT_JOB, refundLatePaymentJob(w.clock)],
      [REFUND_JOB, executeRefundJob(w.clock, w.payments)],
    ]),
  );
  const refundsOf = async (attemptId: string) =>
    (
      await sql<RefundRow>`select id, request_id, attempt_id, channel, amount, state, refund_no
      from refund_payments where attempt_id = ${attemptId}`.execute(w.db)
    ).rows;
  const netByAccount = async (refundPaymentId: string) =>
    (
      await sql<{ code: string; net: bigint }>`select a.code, sum(p.amount)::bigint as net
      from journal_entries e join postings p on p.entry_id = e.id join ledger_accounts a on a.id = p.account_id
      where e.ref_type = 'refund_payment' and e.ref_id = ${refundPaymentId}
      group by a.code order by a.code`.execute(w.db)
    ).rows.map((r) => [r.code, r.net]);

  it('R29 a payment for a voided order is refunded in full through the sandbox; clearing nets to zero; a redelivery refunds nothing more', async () => {
    const c = await w.customer();
    const o = await w.placed(c.who, c.companyId, 'sandbox');
    const a = await w.startPay(c.who, o.id);
    assert.equal((await w.call(c.who, 'POST', `/orders/${o.id}/void`, { reason: '不要了' })).status, 200);
    w.platform.pay(a.merchantOrderNo);
    await w.platform.idle();
    assert.equal(await w.attemptState(a.id), 'closed');
    assert.equal(await w.granted(c.companyId), 0, 'nothing granted for money that came late');
    assert.ok((await worker.drain()) >= 2, 'the late-payment job, then refund.execute');
    const [rp, ...more] = await refundsOf(a.id);
    assert.ok(rp);
    assert.deepEqual(more, []);
    const { total } = (
      await sql<{ total: bigint }>`select total from orders where id = ${o.id}`.execute(w.db)
    ).rows[0] ?? { total: -1n };
    assert.deepEqual([rp.request_id, rp.channel, rp.amount, rp.state], [null, 'sandbox', total, 'succeeded']);
    assert.match(rp.refund_no, /^RF/);
    assert.equal(
      w.platform.refundOf(rp.refund_no)?.amount,
      Number(total),
      'the sandbox returned the whole sum',
    );
    assert.deepEqual(await netByAccount(rp.id), [
      ['provider_clearing', 0n],
      ['refunds_payable', 0n],
    ]);
    const trail = await sql<{ action: string }>`select action from audit_log
      where object_type = 'payment_attempt' and object_id = ${a.id} order by at, id`.execute(w.db);
    assert.deepEqual(
      trail.rows.map((r) => r.action),
      ['payment.started', 'payment.late', 'refund.late_payment'],
    );

    await w.platform.deliver(a.merchantOrderNo);
    await worker.drain();
    assert.equal((await refundsOf(a.id)).length, 1, 'a redelivered notification refunds nothing twice');
    await w.noBreaks();
  });

  it('R35 finance lists refund payments: the late one names the payment it returned and has no request; others may not look', async () => {
    const finance = await w.staff(['finance']);
    const late = await w.call(finance, 'GET', '/refund-payments?late=true');
    assert.equal(late.status, 200, JSON.stringify(late.json));
    const items = late.json.items as {
      refundNo: string;
      late: boolean;
      requestNumber: string | null;
      merchantOrderNo: string | null;
      state: string;
      channel: string;
    }[];
    const [one, ...rest] = items;
    assert.ok(one);
    assert.deepEqual(rest, []);
    const stored = (
      await sql<{ refund_no: string; merchant_order_no: string }>`select r.refund_no, a.merchant_order_no
      from refund_payments r join payment_attempts a on a.id = r.attempt_id where r.request_id is null`.execute(
        w.db,
      )
    ).rows;
    assert.deepEqual(
      [one.refundNo, one.late, one.requestNumber, one.merchantOrderNo, one.state, one.channel],
      [stored[0]?.refund_no, true, null, stored[0]?.merchant_order_no, 'succeeded', 'sandbox'],
    );
    const byNumber = await w.call(finance, 'GET', `/refund-payments?q=${one.merchantOrderNo}`);
    assert.deepEqual(
      (byNumber.json.items as { refundNo: string }[]).map((r) => r.refundNo),
      [one.refundNo],
    );
    const requested = await w.call(finance, 'GET', '/refund-payments?late=false');
    assert.deepEqual(requested.json.items, [], 'no refund was requested in this world');
    const agent = await w.staff(['partner_agent'], W.partnerA);
    assert.equal((await w.call(agent, 'GET', '/refund-payments')).status, 403);
  });
});
