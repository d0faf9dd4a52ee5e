import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { sql } from 'kysely';
import { Worker } from '../../platform/jobs/worker';
import type { Principal } from '../../platform/principal';
import { brokenInvariants } from '../../testing/invariant-store';
import { payOrderThroughSandbox, refundSandbox } from '../../testing/order-payment-kit';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fundCompany, P, W } from '../../testing/world';
import { accountSum, ensureAccount } from '../ledger';
import type { OrderInput } from '../orders';
import { decideRequest, fileRefund, getRequest } from '../requests';
import { findWallet } from '../wallets';
import { executeRefundJob, previewRefund, REFUND_JOB } from '.';

// R35 (seed 004): a refund goes back by the original channel, through the `refund.execute` job, with our
// refund number saved at approval and reused on every retry; the money's arrival is tracked apart from
// the approval. The sandbox refunds as WeChat Pay does (one refund per out_refund_no).
const crm = (years: number): Pick<OrderInput, 'orderType' | 'lines' | 'productId'> => ({
  orderType: 'new',
  productId: W.otherProduct,
  lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: years } }],
});
const PAID_AT = '2026-11-20T02:00:00Z';

describe('refunds by the original channel (R35)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const sandbox = refundSandbox(clock);
  const worker = new Worker(db, clock, new Map([[REFUND_JOB, executeRefundJob(clock, sandbox.payments)]]));
  const companies: string[] = [];
  /** A fresh subsidiary of 辉煌 (the customer's scope), funded, so each case buys its own first year. */
  const company = async (): Promise<string> => {
    const id = `cmp_r35_${companies.length}`;
    companies.push(id);
    await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
      values (${id}, ${`辉煌子公司${companies.length}`}, ${W.partnerA}, ${W.huihuang}, ${new Date(PAID_AT)})`.execute(
      db,
    );
    await fundCompany(db, clock, id, 1_000_000n, `r35-${id}`);
    return id;
  };
  const buy = async (parts: bigint[], years = 1, at = PAID_AT) => {
    const companyId = await company();
    clock.set(at);
    const o = await order(P.customer, { ...crm(years), companyId });
    assert.equal(o.state, 'paid');
    const paid = await payOrderThroughSandbox(db, clock, sandbox, { id: o.id, company_id: companyId }, parts);
    return { o, paid, companyId };
  };
  const rowsOf = async (requestId: string) => (await getRequest(deps, P.finance, requestId)).refundPayments;
  const approve = (id: string) => decideRequest(deps, P.finance, { id, verdict: 'approve', comment: '同意' });
  const balance = async (companyId: string) => (await findWallet(db, 'company', companyId, 'CNY'))?.balance;

  it('R35 a partial refund goes back newest payment first across two payments, by the job, once even when retried, and arrives later', async () => {
    const { o, paid, companyId } = await buy([6_000n, 4_000n]);
    const [older, newer] = paid as [(typeof paid)[0], (typeof paid)[0]];
    clock.set('2026-11-22T02:00:00Z');
    sandbox.platform.arriveAtOnce = false;
    const preview = await previewRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund' });
    const total = preview.lines.reduce((s, l) => s + l.verdict.amount, 0n);
    assert.ok(total > 4_000n && total < 10_000n, 'a partial refund: two days were used');
    assert.deepEqual(
      preview.orders[0]?.allocations.map((a) => [a.paymentId, a.amount]),
      [
        [newer.id, 4_000n],
        [older.id, total - 4_000n],
      ],
      'newest payment first, each never past what it paid',
    );
    const r = await fileRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund', reason: '买错了版本' });
    const walletBefore = await balance(companyId);
    await approve(r.id);
    assert.equal(await balance(companyId), walletBefore, 'R35: provider money does not go to the wallet');
    const rows = await rowsOf(r.id);
    const onNewer = rows.find((x) => x.attempt_id === newer.id);
    const onOlder = rows.find((x) => x.attempt_id === older.id);
    assert.ok(onNewer && onOlder);
    assert.deepEqual(
      [onNewer.amount, onOlder.amount, onNewer.state, onOlder.state],
      [4_000n, total - 4_000n, 'pending', 'pending'],
    );
    assert.match(
      onNewer.refund_no,
      /^RF[0-9A-Z]{26}$/,
      'a valid WeChat Pay out_refund_no, saved before any call',
    );
    const job = { id: 'job_manual', kind: REFUND_JOB, payload: { refundPaymentId: onNewer.id }, attempts: 1 };
    // A run that dies after the provider answered rolls back; the retry sends the same number.
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await executeRefundJob(clock, sandbox.payments)(tx, job.payload, job);
        throw new Error('crash after the provider answered');
      }),
      /crash/,
    );
    assert.equal((await rowsOf(r.id)).find((x) => x.id === onNewer.id)?.state, 'pending');
    const atSandbox = sandbox.platform.refundOf(onNewer.refund_no);
    assert.equal(atSandbox?.state, 'PROCESSING');
    assert.ok((await worker.drain()) >= 2);
    const sent = await rowsOf(r.id);
    assert.deepEqual(
      sent.map((x) => x.state),
      ['processing', 'processing'],
      'approved, not yet arrived',
    );
    assert.equal(
      sent.find((x) => x.id === onNewer.id)?.provider_refund_id,
      atSandbox?.refundId,
      'the same refund',
    );
    assert.throws(
      () => sandbox.platform.refund(newer.merchantOrderNo, 'RFPROBE', 1),
      /exceeds/,
      'the sandbox refunded the newer payment once: nothing is left on it',
    );
    assert.equal(await worker.drain(), 0, 'the recheck waits for its time');
    clock.advance({ hours: 20 });
    for (const x of sent) sandbox.platform.arrive(x.refund_no);
    assert.ok((await worker.drain()) >= 2);
    const arrived = await rowsOf(r.id);
    assert.deepEqual(
      arrived.map((x) => [x.state, x.arrived_at?.toISOString()]),
      [
        ['succeeded', '2026-11-22T22:00:00.000Z'],
        ['succeeded', '2026-11-22T22:00:00.000Z'],
      ],
      'arrival is its own time, apart from the approval',
    );
    const payable = await ensureAccount(db, clock, 'refunds_payable', 'CNY', null);
    assert.equal(await accountSum(db, payable), 0n, 'nothing owed once the money arrived');
    const detail = await getRequest(deps, P.customer, r.id);
    assert.equal(detail.refundPayments.length, 2, 'the customer sees its refund per channel');
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });

  it('R35 a payment older than the provider’s window is refused in the preview and at filing, naming the window and the fix', async () => {
    const { o } = await buy([10_000n * 2n], 2);
    clock.set('2027-11-22T02:00:00Z'); // 367 days after the payment; a year of service is still unused
    const preview = await previewRefund(deps, P.sales, { orderIds: [o.id], mode: 'refund' });
    const [r] = preview.orders[0]?.refusals ?? [];
    assert.equal(r?.code, 'PROVIDER_REFUND_WINDOW_PASSED');
    assert.match(r?.message.zh ?? '', /付款后 365 天内（2027-11-20 前）/);
    assert.match(r?.fixes[0]?.zh ?? '', /银行转账.*钱包/);
    assert.ok(preview.lines.every((l) => l.verdict.amount === 0n));
    const e = await refusal(
      fileRefund(deps, P.sales, { orderIds: [o.id], mode: 'refund', reason: '客户退订' }),
    );
    assert.equal(e.code, 'PROVIDER_REFUND_WINDOW_PASSED');
    assert.equal(e.fields[0]?.field, 'orderIds.0');
  });

  it('R33 a subsidiary at depth 2 follows the same window: day 7 is open, day 8 refused; R32 nothing twice', async () => {
    const grandchild = 'cmp_r35_gc';
    const child = await company();
    await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
      values (${grandchild}, '辉煌孙公司', ${W.partnerA}, ${child}, ${new Date(PAID_AT)})`.execute(db);
    await fundCompany(db, clock, grandchild, 1_000_000n, 'r35-gc');
    clock.set(PAID_AT);
    const o = await order(P.customer, { ...crm(1), companyId: grandchild });
    const ask = () => previewRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund' });
    clock.set('2026-11-27T15:59:00Z'); // day 7, 23:59 in Shanghai
    assert.deepEqual((await ask()).orders[0]?.refusals, []);
    clock.set('2026-11-27T16:00:00Z'); // day 8, 00:00 in Shanghai
    assert.equal((await ask()).orders[0]?.refusals[0]?.code, 'SELF_SERVICE_REFUND_EXPIRED');
    clock.set('2026-11-25T02:00:00Z');
    const r = await fileRefund(deps, P.customer, { orderIds: [o.id], mode: 'refund', reason: '不要了' });
    await approve(r.id);
    const again = (await ask()).lines[0]?.verdict.refusals[0];
    assert.equal(
      again?.code,
      'ALREADY_REFUNDED',
      'R32: what was refunded is named, and nothing comes back twice',
    );
  });

  it('invariant 3 (property): over random payments and partial refunds, refunded ≤ paid per payment and per line, and the ledger balances', async () => {
    const customer: Principal = P.customer;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 7 }),
        fc.boolean(),
        async (weights, day, arriveAtOnce) => {
          // Split the order's 100.00 into parts by weight (largest remainder not needed: the last takes the rest).
          const sum = weights.reduce((s, w) => s + w, 0);
          const parts = weights.map((w) => (10_000n * BigInt(w)) / BigInt(sum));
          parts[parts.length - 1] = 10_000n - parts.slice(0, -1).reduce((s, p) => s + p, 0n);
          if (parts.some((p) => p <= 0n)) return;
          const { o } = await buy(parts);
          clock.set(PAID_AT);
          clock.advance({ days: day });
          sandbox.platform.arriveAtOnce = arriveAtOnce;
          const r = await fileRefund(deps, customer, {
            orderIds: [o.id],
            mode: 'refund',
            reason: '性质测试',
          });
          await approve(r.id);
          await worker.drain();
          const rows = await rowsOf(r.id);
          assert.equal(
            rows.reduce((s, x) => s + x.amount, 0n),
            r.total,
          );
          for (const x of rows) sandbox.platform.arrive(x.refund_no);
          clock.advance({ minutes: 11 });
          await worker.drain();
          assert.ok((await rowsOf(r.id)).every((x) => x.state === 'succeeded'));
          assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
        },
      ),
      { numRuns: 6 },
    );
  });
});
