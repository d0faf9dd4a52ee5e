import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder, getOrder, linesOf, type OrderInput } from '../orders';
import { decideRequest, fileRefund, getRequest, listQueue } from '../requests';
import { creditWallet, findWallet } from '../wallets';
import { listRefundableOrders, previewRefund } from '.';

// R33 (seed 004): a customer asks for a refund of what it bought itself within 7 days of payment (Asia/
// Shanghai; the payment date is day 0, day 7 is the last), then finance reviews it like any refund (R32,
// R34) and the money returns to the company wallet that paid (R35). Anything else: "contact support".
const crmYear: Pick<OrderInput, 'orderType' | 'lines' | 'productId'> = {
  orderType: 'new',
  productId: W.otherProduct,
  lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
};
const PAID_AT = '2026-11-20T02:00:00Z'; // Friday 10:00 in Shanghai: day 0
const DAY7_LAST_MINUTE = '2026-11-27T15:59:00Z'; // Friday 23:59 in Shanghai
const DAY8_FIRST_MINUTE = '2026-11-27T16:00:00Z'; // Saturday 00:00 in Shanghai

describe('self-service refunds (R33)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const companyBalance = async () => (await findWallet(db, 'company', W.huihuang, 'CNY'))?.balance ?? 0n;
  for (const companyId of [W.huihuang, W.huihuangSub]) {
    await db.transaction().execute((tx) =>
      creditWallet(tx, clock, {
        ownerType: 'company',
        ownerId: companyId,
        currency: 'CNY',
        amount: 100_000n,
        kind: 'topup',
        from: 'offline_cash',
        ref: { type: 'test', id: `r33-${companyId}` },
      }),
    );
  }
  await fund(db, clock, W.partnerA, 10_000_000n, 'r33-partner');
  /** The customer buys a year of CRM online for itself or its subsidiary, paid from that company's wallet. */
  const selfService = async (companyId: string) => {
    clock.set(PAID_AT);
    const placed = await order(P.customer, { ...crmYear, companyId });
    assert.equal(placed.quote.channel, 'self_service');
    assert.equal(placed.state, 'paid');
    return placed;
  };

  it('R33: inside 7 days (day 7, 23:59 in Shanghai) the customer’s request is accepted and, once finance approves, credited to the company wallet', async () => {
    const a = await selfService(W.huihuang);
    clock.set(DAY7_LAST_MINUTE);
    const offered = await listRefundableOrders(deps, P.customer);
    assert.deepEqual(
      offered.map((o) => [o.id, o.until.toString()]),
      [[a.id, '2026-11-27']],
    );
    const preview = await previewRefund(deps, P.customer, { orderIds: [a.id], mode: 'refund' });
    const r = await fileRefund(deps, P.customer, { orderIds: [a.id], mode: 'refund', reason: '买错了版本' });
    assert.equal(r.state, 'submitted');
    assert.equal(
      r.total,
      preview.lines.reduce((s, l) => s + l.verdict.amount, 0n),
    );
    // R32/R35 amounts: 100.00 for 365 days, 8 days used (20th–27th) → the 357 unused days come back.
    assert.equal(r.total, 9_781n);
    const mine = await listQueue(deps, P.customer, { category: 'refund', limit: 10 });
    assert.deepEqual(
      mine.map((x) => [x.request.id, x.request.owner_team, x.request.company_id]),
      [[r.id, 'finance', W.huihuang]],
    );
    assert.ok(mine[0]?.request.due_at, 'R34: the review has its deadline');
    assert.deepEqual(
      await listRefundableOrders(deps, P.customer),
      [],
      'an open request takes it off the list',
    );
    const before = await companyBalance();
    const partnerBefore = (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.balance;
    assert.equal(
      (
        await decideRequest(deps, P.finance, {
          id: r.id,
          verdict: 'approve',
          comment: '七天内自助退款，已核对',
        })
      ).state,
      'approved',
    );
    assert.equal((await companyBalance()) - before, r.total, 'R35: back to the wallet that paid');
    assert.equal((await findWallet(db, 'partner', W.partnerA, 'CNY'))?.balance, partnerBefore);
    assert.deepEqual(
      (await linesOf(db, [a.id])).map((l) => l.refunded),
      [r.total],
    );
    assert.equal((await getRequest(deps, P.customer, r.id)).request.state, 'approved');
  });

  it('R33: on day 8 (00:00 in Shanghai) the customer is refused, naming R33 and the fix', async () => {
    const b = await selfService(W.huihuangSub);
    clock.set(DAY8_FIRST_MINUTE);
    assert.deepEqual(await listRefundableOrders(deps, P.customer), []);
    const e = await refusal(
      fileRefund(deps, P.customer, { orderIds: [b.id], mode: 'refund', reason: '不想要了' }),
    );
    assert.equal(e.status, 422);
    assert.equal(e.fields[0]?.field, 'orderIds.0');
    // The preview shows the same refusal as a verdict (rule, numbers, fix) instead of refusing to answer.
    const preview = await previewRefund(deps, P.customer, { orderIds: [b.id], mode: 'refund' });
    const shown = preview.orders[0]?.refusals[0];
    assert.ok(preview.lines.every((l) => l.verdict.amount === 0n && l.verdict.refusals[0]?.rule === 'R33'));
    for (const v of [
      { code: e.code, text: e.text, fixes: e.fixes },
      { code: shown?.code, text: shown?.message, fixes: shown?.fixes },
    ]) {
      assert.equal(v.code, 'SELF_SERVICE_REFUND_EXPIRED');
      assert.match(v.text?.zh ?? '', /^R33：.*2026-11-20 付款.*7 天内（2026-11-27 前）/);
      assert.match(v.text?.en ?? '', /^R33: .*within 7 days of payment \(by 2026-11-27\)/);
      assert.deepEqual(v.fixes, [{ zh: '请联系客服办理退款', en: 'Contact support to request this refund' }]);
    }
    const r = await fileRefund(deps, P.sales, { orderIds: [b.id], mode: 'refund', reason: '客服代办退款' });
    assert.equal(r.state, 'submitted', 'support still refunds it for the customer');
  });

  it('R33: an order the partner bought for the customer is refused to the customer, even inside 7 days', async () => {
    clock.set(PAID_AT);
    const c = await order(P.agentA, firstYear);
    await approveOrder(deps, P.desk, c.id);
    assert.equal((await getOrder(deps, P.customer, c.id)).order.channel, 'partner', 'the customer sees it');
    clock.set(DAY7_LAST_MINUTE);
    const e = await refusal(
      fileRefund(deps, P.customer, { orderIds: [c.id], mode: 'refund', reason: '渠道订单' }),
    );
    assert.equal(e.code, 'SELF_SERVICE_REFUND_ONLY');
    assert.match(e.text.zh, /^R33：订单 SO-[\d-]+ 不是贵公司在线自助购买的订单.*请联系客服/);
    assert.match(e.text.en, /Contact support/);
    assert.ok(!(await listRefundableOrders(deps, P.customer)).some((o) => o.id === c.id));
    const settle = await refusal(
      fileRefund(deps, P.customer, { orderIds: [c.id], mode: 'settled_offline', reason: 'x', evidence: 'y' }),
    );
    assert.equal(settle.status, 403, 'customers never file settled-offline returns (R27)');
    assert.equal((await refusal(listRefundableOrders(deps, P.agentA))).status, 403);
    const r = await fileRefund(deps, P.agentA, { orderIds: [c.id], mode: 'refund', reason: '客户取消' });
    assert.equal(r.state, 'submitted', 'the partner that bought it asks under R32');
  });
});
