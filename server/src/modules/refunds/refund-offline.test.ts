import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { brokenInvariants } from '../../testing/invariant-store';
import { invoiceKit } from '../../testing/invoice-kit';
import { useTestDatabase } from '../../testing/test-db';
import { P, W } from '../../testing/world';
import { placeOrder } from '../orders';
import { decideOfflinePayment, NO_PAYMENTS, startOrderPayment } from '../payments';
import { decideRequest, fileRefund } from '../requests';

// R35 for an order paid by bank transfer (R29 offline): the refund goes back the same way, by finance's own
// transfer — owed from the approval (processing), with no provider job — and never as a 5xx.
describe('refund of a bank-transfer payment (R35)', async () => {
  const database = await useTestDatabase();
  const { deps, subsidiary } = await invoiceKit(database);
  const { db } = database;

  it('R35: approved, it is owed by bank transfer (processing), the ledger balances and no provider job is queued', async () => {
    const companyId = await subsidiary();
    const o = await placeOrder(deps, P.customer, {
      companyId,
      productId: W.otherProduct,
      orderType: 'new',
      paymentMethod: 'offline',
      submit: true,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    const transfer = await startOrderPayment(deps, NO_PAYMENTS, P.customer, o.id, {
      method: 'offline',
      bankReference: 'CMB-R35-0001',
    });
    await decideOfflinePayment(deps, P.finance, transfer.id, 'confirm', '到账已核对');
    const r = await fileRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund', reason: '买错了' });
    assert.equal(
      (await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: '同意' })).state,
      'approved',
    );
    const rows = await sql<{ channel: string; state: string; amount: bigint; attempt_id: string | null }>`
      select channel, state, amount, attempt_id from refund_payments where request_id = ${r.id}`.execute(db);
    assert.deepEqual(
      rows.rows.map((x) => [x.channel, x.state, x.amount, x.attempt_id]),
      [['offline', 'processing', r.total, transfer.id]],
    );
    const jobs = await sql<{ n: number }>`select count(*)::int as n from jobs
      where kind = 'refund.execute' and payload->>'refundPaymentId' in
        (select id from refund_payments where request_id = ${r.id})`.execute(db);
    assert.equal(jobs.rows[0]?.n, 0);
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });
});
