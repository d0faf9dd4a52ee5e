import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors';
import { invoiceKit, SPECIAL_DETAILS } from '../../testing/invoice-kit';
import { refusal } from '../../testing/refusal';
import { ENGINE, useTestDatabase } from '../../testing/test-db';
import { P } from '../../testing/world';
import { confirmReversal, getInvoice, invoiceStandingOf, issueInvoice, reverseInvoice } from '.';
import { localTaxPlatform, type TaxPlatform } from './tax-platform';

// R30 (seed 004 "后台红冲发票后进行退款处理"): red-letter reversals, full or partial, never exceeding the
// original; the 红字发票信息确认单 step for a booked 专票; the gap-free number series.
describe('red-letter reversal (R30) and the gap-free series', async () => {
  const database = await useTestDatabase();
  const { deps, paidOrder, twoLineOrder, ask } = await invoiceKit(database);
  const { db } = database;
  const issued = async (type: 'normal' | 'special' = 'normal', two = false) => {
    const o = two ? await twoLineOrder() : await paidOrder();
    const r = await ask([o.id], type === 'special' ? { type, ...SPECIAL_DETAILS } : {});
    return { order: o, ...(await issueInvoice(deps, P.finance, r.id)) };
  };

  it('R30: a full reversal issues a red-letter invoice from the red series that nets the original to zero', async () => {
    const { order, invoice } = await issued('normal', true);
    const { reversal, red } = await reverseInvoice(deps, P.finance, invoice.id, {
      reason: 'invoicing_error',
    });
    assert.equal(reversal.state, 'issued');
    assert.ok(red);
    assert.match(red.number, /^HP2026\d{8}$/);
    assert.equal(red.total, -invoice.total);
    assert.equal(red.tax_total, -invoice.tax_total);
    assert.equal(red.original_id, invoice.id);
    const view = await getInvoice(deps, P.customer, invoice.id);
    assert.deepEqual(
      view.reds.map((r) => r.id),
      [red.id],
    );
    const standing = await invoiceStandingOf(db, [order.id]);
    assert.deepEqual(standing.get(order.id), {
      issued: invoice.total,
      reversed: invoice.total,
      openRequests: [],
    });
    const more = await refusal(reverseInvoice(deps, P.finance, invoice.id, { reason: 'sales_return' }));
    assert.equal(more.code, 'NOTHING_TO_REVERSE');
    const redAgain = await refusal(reverseInvoice(deps, P.finance, red.id, { reason: 'sales_return' }));
    assert.equal(redAgain.code, 'NOT_A_BLUE_INVOICE');
  });

  it('R30: partial by line and amount; 开票有误 must be full; more than is left is refused with what is left', async () => {
    const { invoice, lines } = await issued('normal', true);
    const [first, second] = lines;
    assert.ok(first && second);
    const partial = await refusal(
      reverseInvoice(deps, P.finance, invoice.id, {
        reason: 'invoicing_error',
        lines: [{ lineId: first.id, amount: '10.00' }],
      }),
    );
    assert.equal(partial.code, 'ERROR_NEEDS_FULL');
    const { red } = await reverseInvoice(deps, P.finance, invoice.id, {
      reason: 'sales_allowance',
      lines: [{ lineId: second.id, amount: '50.00' }],
    });
    // 50.00 at 6%: 50 × 6/106 = 2.830… → 2.83
    assert.equal(red?.total, -5_000n);
    assert.equal(red?.tax_total, -283n);
    const over = await refusal(
      reverseInvoice(deps, P.finance, invoice.id, {
        reason: 'sales_return',
        lines: [{ lineId: second.id, amount: '50.00' }],
      }),
    );
    assert.equal(over.code, 'REVERSAL_EXCEEDS_ORIGINAL');
    assert.deepEqual(over.details, { left: '49.99', asked: '50.00' });
    // The rest of the line takes back exactly the tax left on it.
    const rest = await reverseInvoice(deps, P.finance, invoice.id, {
      reason: 'sales_return',
      lines: [{ lineId: second.id, amount: '49.99' }],
    });
    assert.equal((red?.tax_total ?? 0n) + (rest.red?.tax_total ?? 0n), -second.tax);
  });

  it('R30: the database itself refuses red-letter lines beyond the original', async () => {
    const { invoice, lines } = await issued();
    const line = lines[0];
    assert.ok(line);
    const e =
      await sql`insert into invoice_reversals (id, invoice_id, company_id, reason, buyer_booked, state,
        requested_at) values ('rvs_raw', ${invoice.id}, ${invoice.company_id}, 'sales_return', false,
        'pending_confirmation', now())`
        .execute(db)
        .then(() =>
          sql`insert into invoice_reversal_lines (reversal_id, invoice_line_id, amount)
          values ('rvs_raw', ${line.id}, ${line.amount + 1n})`.execute(db),
        )
        .then(
          () => null,
          (x: unknown) => x,
        );
    assert.match(String(e), /exceeds the original/);
  });

  it('R30: concurrent partial reversals of one line never exceed it (row lock + database check)', async () => {
    const { invoice, lines } = await issued();
    const line = lines[0];
    assert.ok(line);
    // 100.00 on the line; five concurrent 30.00 reversals: three fit, two are refused.
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () =>
        reverseInvoice(deps, P.finance, invoice.id, {
          reason: 'sales_allowance',
          lines: [{ lineId: line.id, amount: '30.00' }],
        }),
      ),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    assert.equal(ok, 3);
    for (const r of results)
      if (r.status === 'rejected')
        assert.ok(
          r.reason instanceof AppError && r.reason.code === 'REVERSAL_EXCEEDS_ORIGINAL',
          String(r.reason),
        );
    const view = await getInvoice(deps, P.finance, invoice.id);
    assert.equal(
      view.reds.reduce((s, r) => s + r.total, 0n),
      -9_000n,
    );
  });

  it('专票 booked by the buyer: the confirmation form first, then the red-letter invoice; not by the requester', async () => {
    const { invoice } = await issued('special');
    const missing = await refusal(reverseInvoice(deps, P.finance, invoice.id, { reason: 'service_stopped' }));
    assert.equal(missing.fields[0]?.field, 'buyerBooked');
    const { reversal, red } = await reverseInvoice(deps, P.finance, invoice.id, {
      reason: 'service_stopped',
      buyerBooked: true,
    });
    assert.equal(reversal.state, 'pending_confirmation');
    assert.equal(red, null);
    assert.equal(
      (await getInvoice(deps, P.finance, invoice.id)).reds.length,
      0,
      'no red invoice before confirmation',
    );
    const held = await refusal(
      reverseInvoice(deps, P.finance2, invoice.id, { reason: 'sales_return', buyerBooked: true }),
    );
    assert.equal(held.code, 'NOTHING_TO_REVERSE', 'the pending form holds the amount');
    const self = await refusal(confirmReversal(deps, P.finance, reversal.id, 'confirm'));
    assert.equal(self.code, 'SELF_APPROVAL');
    const done = await confirmReversal(deps, P.customer, reversal.id, 'confirm');
    assert.equal(done.reversal.state, 'issued');
    assert.match(done.red?.number ?? '', /^HZ2026\d{8}$/);
    assert.equal(done.red?.total, -invoice.total);
    assert.equal(done.red?.issued_by, P.finance.userId, 'issued by the seller’s colleague, not the buyer');
  });

  it('专票 not booked: reversed at once; a booked one the buyer declines frees the amount again', async () => {
    const a = await issued('special');
    const at = await reverseInvoice(deps, P.finance, a.invoice.id, {
      reason: 'sales_return',
      buyerBooked: false,
    });
    assert.equal(at.reversal.state, 'issued');
    const b = await issued('special');
    const pending = await reverseInvoice(deps, P.finance, b.invoice.id, {
      reason: 'sales_return',
      buyerBooked: true,
    });
    const declined = await confirmReversal(deps, P.finance2, pending.reversal.id, 'decline');
    assert.equal(declined.reversal.state, 'cancelled');
    const again = await reverseInvoice(deps, P.finance, b.invoice.id, {
      reason: 'sales_return',
      buyerBooked: false,
    });
    assert.equal(again.red?.total, -b.invoice.total);
  });

  it('gap-free: concurrent issues take consecutive numbers, and a rolled-back issue leaves no gap', async () => {
    const seqOf = async () => {
      const { rows } = await sql<{
        seq: bigint;
      }>`select seq from invoices where series = 'normal' and year = 2026
        order by seq`.execute(db);
      return rows.map((r) => r.seq);
    };
    const requests = [];
    for (let i = 0; i < 6; i++) requests.push(await ask([(await paidOrder()).id]));
    // A platform that fails after the number was drawn: the issue rolls back, number included.
    const failing: TaxPlatform = {
      ...localTaxPlatform,
      issue: async () => {
        throw new Error('tax platform down');
      },
    };
    const [firstReq, ...rest] = requests;
    assert.ok(firstReq);
    await assert.rejects(issueInvoice(deps, P.finance, firstReq.id, failing), /tax platform down/);
    await Promise.all(rest.map((r) => issueInvoice(deps, P.finance, r.id)));
    await issueInvoice(deps, P.finance, firstReq.id);
    const seqs = await seqOf();
    assert.deepEqual(
      seqs,
      seqs.map((_, i) => BigInt(i + 1)),
      `numbers 1..${seqs.length} without a hole (${ENGINE})`,
    );
  });
});
