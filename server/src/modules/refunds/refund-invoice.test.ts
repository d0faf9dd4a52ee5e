import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmount } from '@kaidan/shared';
import { sql } from 'kysely';
import { invoiceKit } from '../../testing/invoice-kit';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { P } from '../../testing/world';
import { issueInvoice, reverseInvoice } from '../invoices';
import { linesOf } from '../orders';
import { decideRequest, fileRefund } from '../requests';
import { previewRefund } from '.';

// R30 and R33 with real invoices (the invoices module answers the policy's standing): a refund of invoiced
// money waits for its red-letter reversal; an invoice request not yet issued is withdrawn with the refund.
describe('refunds and fapiao (R30, R33)', async () => {
  const database = await useTestDatabase();
  const { deps, paidOrder, ask } = await invoiceKit(database);
  const { db } = database;
  const approve = (id: string) =>
    decideRequest(deps, P.finance, { id, verdict: 'approve', comment: '已核对' });
  const requestState = async (id: string) =>
    (await sql<{ state: string }>`select state from invoice_requests where id = ${id}`.execute(db)).rows[0]
      ?.state;

  it('R33/R30: once an invoice is issued the customer is sent to support, and support is refused until the red-letter reversal; then the refund goes through', async () => {
    const o = await paidOrder();
    const { invoice } = await issueInvoice(deps, P.finance, (await ask([o.id])).id);

    const mine = await previewRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund' });
    assert.deepEqual(
      mine.orders[0]?.refusals.map((r) => [r.rule, r.code]),
      [['R33', 'INVOICED_REFUND_VIA_SUPPORT']],
    );
    const desk = await refusal(
      fileRefund(deps, P.desk, { orderIds: [o.id], mode: 'refund', reason: '客户退订' }),
    );
    assert.equal(desk.code, 'RED_LETTER_FIRST');
    assert.match(desk.text.en, new RegExp(`reverse the remaining CNY ${formatAmount(invoice.total, 'CNY')}`));

    await reverseInvoice(deps, P.finance, invoice.id, { reason: 'sales_return' });
    const r = await fileRefund(deps, P.desk, { orderIds: [o.id], mode: 'refund', reason: '客户退订' });
    assert.equal((await approve(r.id)).state, 'approved');
    assert.ok(r.total > 0n);
    assert.deepEqual(
      (await linesOf(db, [o.id])).map((l) => l.refunded),
      [r.total],
    );
  });

  it('R30 under the lock: an invoice issued after the refund was filed refuses its approval, and nothing is refunded', async () => {
    const o = await paidOrder();
    const r = await fileRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund', reason: '买错了' });
    await issueInvoice(deps, P.finance, (await ask([o.id])).id);
    const refused = await refusal(approve(r.id));
    assert.equal(refused.code, 'RED_LETTER_FIRST');
    assert.deepEqual(
      (await linesOf(db, [o.id])).map((l) => l.refunded),
      [0n],
    );
  });

  it('R33: an invoice request not yet issued is withdrawn in the refund’s transaction', async () => {
    const o = await paidOrder();
    const asked = await ask([o.id]);
    const r = await fileRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund', reason: '不需要了' });
    assert.equal(await requestState(asked.id), 'requested', 'filing alone withdraws nothing');
    await approve(r.id);
    assert.equal(await requestState(asked.id), 'withdrawn');
    const refusedIssue = await refusal(issueInvoice(deps, P.finance, asked.id));
    assert.ok(refusedIssue.status >= 400 && refusedIssue.status < 500);
  });
});
