import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors';
import { HUIHUANG_TAX_ID, invoiceKit, SPECIAL_DETAILS } from '../../testing/invoice-kit';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { P, W } from '../../testing/world';
import { registerEndpoint } from '../webhooks';
import {
  getInvoiceRequest,
  invoiceStandingOf,
  issueInvoice,
  refuseInvoiceRequest,
  withdrawInvoiceRequest,
  withdrawInvoiceRequests,
} from '.';

// R29 payment before invoice, R30 issued invoices never edited, duties (who asks never issues), lines and
// tax derived by the server, R6 English for foreign buyers, R33 open requests withdrawn with a refund.
describe('invoice requests and issue', async () => {
  const database = await useTestDatabase();
  const { deps, order, paidOrder, ask, clock } = await invoiceKit(database);
  const { db } = database;

  it('R29: an order that is not paid is refused, naming the order and its state', async () => {
    const submitted = await order(P.agentA, {
      orderType: 'new',
      lines: [{ planId: W.edition, seats: 5, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(submitted.state, 'submitted');
    const e = await refusal(ask([submitted.id], {}, P.finance));
    assert.equal(e.code, 'ORDER_NOT_PAID');
    assert.equal(e.status, 409);
    assert.deepEqual(e.details, { order: submitted.number, state: 'submitted' });
    assert.match(e.text.zh, /R29/);
  });

  it('lines and tax are derived by the server: 6% software services, totals equal what was paid to the fen', async () => {
    const a = await paidOrder(1);
    const b = await paidOrder(1, { companyId: a.quote.company.id, service: true });
    const r = await ask([a.id, b.id]);
    assert.equal(r.state, 'requested');
    assert.match(r.buyer_name, /^辉煌子公司\d+$/);
    assert.equal(r.language, 'zh');
    assert.equal(r.total, a.quote.total + b.quote.total);
    // 300.00 at 6%: 300 × 6/106 = 16.98 on the total, split 5.66 → 5.66 and 11.32.
    assert.equal(r.tax_total, 1698n);
    const { lines } = await getInvoiceRequest(deps, P.customer, r.id);
    assert.deepEqual(
      lines.map((l) => [l.order_id, l.amount, l.tax, l.tax_code, l.tax_rate_bp]),
      [
        [a.id, 10_000n, 566n, '3040201000000000000', 600],
        [b.id, 20_000n, 1132n, '3040203000000000000', 600],
      ],
    );
    assert.match(lines[0]?.item_name ?? '', /^\*信息技术服务\*巨石蓝海CRM/);
    // An order line is never invoiced twice: the open request already covers both orders.
    const again = await refusal(ask([a.id]));
    assert.equal(again.code, 'NOTHING_TO_INVOICE');
  });

  it('the server refuses a disagreeing buyer name or a malformed taxpayer id, with the value it would use', async () => {
    const a = await paidOrder();
    const e = await refusal(ask([a.id], { buyerName: '别的公司' }));
    assert.equal(e.status, 422);
    assert.equal(e.fields[0]?.code, 'BUYER_NAME_MISMATCH');
    assert.match(e.fields[0]?.message.zh ?? '', /辉煌子公司/);
    const bad = await refusal(ask([a.id], { buyerTaxId: '91350100M000100Y44' }));
    assert.equal(bad.fields[0]?.code, 'BAD_TAX_ID');
    const special = await refusal(ask([a.id], { type: 'special' }));
    assert.deepEqual(
      special.fields.map((f) => f.field),
      ['buyerAddress', 'buyerPhone', 'buyerBank', 'buyerAccount'],
    );
  });

  it('duties: whoever requested never issues; finance issues a customer request, and finance’s own request is issued by another', async () => {
    const a = await paidOrder();
    const mine = await ask([a.id], {}, P.finance);
    const self = await refusal(issueInvoice(deps, P.finance, mine.id));
    assert.equal(self.code, 'SELF_APPROVAL');
    assert.equal(self.status, 403);
    const customerTry = await refusal(issueInvoice(deps, P.customer, mine.id));
    assert.equal(customerTry.code, 'FORBIDDEN');
    const { invoice, lines } = await issueInvoice(deps, P.finance2, mine.id);
    assert.equal(invoice.kind, 'blue');
    assert.equal(invoice.total, a.quote.total);
    assert.match(invoice.number, /^PP2026\d{8}$/);
    assert.equal(lines.length, 1);
    const after = await getInvoiceRequest(deps, P.customer, mine.id);
    assert.equal(after.request.state, 'issued');
    assert.equal(after.invoice?.id, invoice.id);
    const standing = await invoiceStandingOf(db, [a.id, 'ord_none']);
    assert.deepEqual(standing.get(a.id), { issued: a.quote.total, reversed: 0n, openRequests: [] });
    assert.deepEqual(standing.get('ord_none'), { issued: 0n, reversed: 0n, openRequests: [] });
  });

  it('R30: an issued invoice is never edited or deleted — the database refuses the UPDATE', async () => {
    const a = await paidOrder();
    const r = await ask([a.id]);
    const { invoice, lines } = await issueInvoice(deps, P.finance, r.id);
    const update = await sql`update invoices set buyer_name = 'x' where id = ${invoice.id}`.execute(db).then(
      () => null,
      (e: unknown) => e,
    );
    assert.match(String(update), /append-only/);
    const lineUpdate = await sql`update invoice_lines set amount = 1 where id = ${lines[0]?.id ?? ''}`
      .execute(db)
      .then(
        () => null,
        (e: unknown) => e,
      );
    assert.match(String(lineUpdate), /append-only/);
    const del = await sql`delete from invoices where id = ${invoice.id}`.execute(db).then(
      () => null,
      (e: unknown) => e,
    );
    assert.match(String(del), /append-only/);
  });

  it('refused with a comment by finance (not the requester); withdrawn by the customer', async () => {
    const a = await paidOrder();
    const r = await ask([a.id]);
    const noComment = await refusal(refuseInvoiceRequest(deps, P.finance, r.id, ' '));
    assert.equal(noComment.code, 'COMMENT_REQUIRED');
    const refused = await refuseInvoiceRequest(deps, P.finance, r.id, '税号与营业执照不符');
    assert.equal(refused.state, 'refused');
    const again = await ask([a.id]);
    const withdrawn = await withdrawInvoiceRequest(deps, P.customer, again.id, '不需要发票了');
    assert.equal(withdrawn.state, 'withdrawn');
    const late = await refusal(issueInvoice(deps, P.finance, again.id));
    assert.equal(late.code, 'NOT_OPEN');
  });

  it('R33: open requests are withdrawn with a refund, in the refund’s transaction; issued ones stay', async () => {
    const a = await paidOrder();
    const b = await paidOrder();
    const open = await ask([a.id]);
    const issued = await ask([b.id]);
    await issueInvoice(deps, P.finance, issued.id);
    const standing = await invoiceStandingOf(db, [a.id]);
    assert.deepEqual(standing.get(a.id)?.openRequests, [open.id]);
    const done = await db
      .transaction()
      .execute((tx) => withdrawInvoiceRequests(tx, clock, P.customer, [open.id, issued.id], '退款'));
    assert.deepEqual(done, [open.id]);
    assert.equal((await getInvoiceRequest(deps, P.customer, issued.id)).request.state, 'issued');
    assert.equal((await getInvoiceRequest(deps, P.customer, open.id)).request.state, 'withdrawn');
  });

  it('a special invoice needs the buyer’s full registration; a foreign buyer is invoiced in English (R6)', async () => {
    const a = await paidOrder();
    const r = await ask([a.id], { type: 'special', ...SPECIAL_DETAILS });
    assert.equal(r.invoice_type, 'special');
    const { invoice } = await issueInvoice(deps, P.finance, r.id);
    assert.match(invoice.number, /^ZP2026\d{8}$/);
    assert.equal(invoice.buyer_tax_id, HUIHUANG_TAX_ID);
    const b = await paidOrder();
    await sql`update companies set region = 'DE', name_en = 'Huihuang Sub GmbH' where id = ${b.quote.company.id}`.execute(
      db,
    );
    const en = await ask([b.id], { buyerTaxId: undefined });
    assert.equal(en.language, 'en');
    assert.equal(en.buyer_name, 'Huihuang Sub GmbH');
    const lines = (await getInvoiceRequest(deps, P.customer, en.id)).lines;
    assert.match(lines[0]?.item_name ?? '', /^\*IT services\*/);
    const noSpecial = await refusal(ask([b.id], { type: 'special', ...SPECIAL_DETAILS }));
    assert.ok(noSpecial.fields.some((f) => f.code === 'SPECIAL_NEEDS_CN_BUYER'));
  });

  it('an order line is never invoiced twice: concurrent requests for one order, one wins', async () => {
    const a = await paidOrder();
    const results = await Promise.allSettled([ask([a.id]), ask([a.id]), ask([a.id])]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(r.reason instanceof AppError && r.reason.code === 'NOTHING_TO_INVOICE', String(r.reason));
  });

  it('issuing raises invoice.issued with the number, kind, orders and amounts as decimal strings', async () => {
    const admin = { ...P.desk, roles: ['admin' as const] };
    await registerEndpoint(deps, admin, {
      url: 'https://hooks.example.com/fapiao',
      eventTypes: ['invoice.issued'],
    });
    const a = await paidOrder();
    const { invoice } = await issueInvoice(deps, P.finance, (await ask([a.id])).id);
    const { rows } = await sql<{ payload: Record<string, unknown> }>`select payload from webhook_events
      where type = 'invoice.issued' order by id desc limit 1`.execute(db);
    assert.deepEqual(rows[0]?.payload, {
      invoiceId: invoice.id,
      number: invoice.number,
      kind: 'blue',
      invoiceType: 'normal',
      companyId: invoice.company_id,
      originalId: null,
      orderIds: [a.id],
      currency: 'CNY',
      total: '100.00',
      tax: '5.66',
      issuedAt: invoice.issued_at.toISOString(),
    });
  });

  it('scope: another company’s user cannot see or request for the orders (404)', async () => {
    const a = await paidOrder();
    const other = { ...P.customer, companyId: W.jushi };
    const e = await refusal(ask([a.id], {}, other));
    assert.equal(e.status, 404);
  });
});
