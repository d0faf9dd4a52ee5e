import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { companyEntitlements } from '../entitlements';
import { approveOrder, deleteOrder, getOrder, listOrders, rejectOrder } from '../orders';
import { findWallet } from '../wallets';
import { decideRequest, fileRefund, fileTransfer, getRequest, listQueue, withdrawRequest } from '.';

// R17 as an order desk runs it (docs/transfers.md): a customer moves only when nothing is in flight; its
// history moves with it; money paid before the move is refunded by the desk to the wallet that paid.
const TENANT = 'wwb0e22cefc85a80d3'; // 辉煌有限公司, owned by partner A
const renewInterop = {
  orderType: 'renew' as const,
  lines: [{ planId: W.interop, duration: { unit: 'day' as const, value: 30 } }],
};

describe('customer transfers (R17)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const balance = async (partnerId: string) =>
    (await findWallet(db, 'partner', partnerId, 'CNY'))?.balance ?? 0n;
  await fund(db, clock, W.partnerA, 10_000_000n, 'r17-a');
  await fund(db, clock, W.partnerB, 10_000_000n, 'r17-b');
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);
  let transferId = '';
  let withdrawnRefund = '';

  it('R17 a transfer is refused, naming the orders and refunds, while the customer has undecided orders or open refunds', async () => {
    const draft = await order(P.agentA, renewInterop, false);
    const byPartner = await refusal(fileTransfer(deps, P.agentB, { tenantId: TENANT, reason: '客户要求' }));
    assert.equal(byPartner.code, 'TRANSFER_BLOCKED');
    assert.doesNotMatch(
      byPartner.text.zh,
      new RegExp(draft.number),
      'another partner’s order numbers stay hidden',
    );
    const bySales = await refusal(
      fileTransfer(deps, P.sales, { tenantId: TENANT, toPartnerId: W.partnerB, reason: '客户要求' }),
    );
    assert.equal(bySales.code, 'TRANSFER_BLOCKED');
    assert.match(bySales.text.zh, new RegExp(draft.number), 'staff are told which orders');
    await deleteOrder(deps, P.agentA, draft.id);

    const t = await fileTransfer(deps, P.agentB, { tenantId: TENANT, reason: '客户要求转到我们' });
    transferId = t.id;
    // Filed while clean; the old partner still owns the customer and orders meanwhile.
    const pending = await order(P.agentA, {
      ...renewInterop,
      orderType: 'new',
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(pending.state, 'submitted');
    const blocked = await refusal(
      decideRequest(deps, P.desk, { id: t.id, verdict: 'approve', comment: '转移' }),
    );
    assert.equal(blocked.code, 'TRANSFER_BLOCKED');
    assert.match(blocked.text.zh, new RegExp(pending.number));
    await rejectOrder(deps, P.desk, pending.id, '客户转移中');

    const refund = await fileRefund(deps, P.agentA, {
      orderIds: [first.id],
      mode: 'refund',
      reason: '退一部分',
    });
    const byRefund = await refusal(
      decideRequest(deps, P.desk, { id: t.id, verdict: 'approve', comment: '转移' }),
    );
    assert.equal(byRefund.code, 'TRANSFER_BLOCKED');
    assert.match(byRefund.text.zh, new RegExp(refund.number));
    await withdrawRequest(deps, P.agentA, refund.id);
    withdrawnRefund = refund.id;

    assert.equal(
      (await decideRequest(deps, P.desk, { id: t.id, verdict: 'approve', comment: '已转移' })).state,
      'approved',
    );
  });

  it('R17 the customer’s history moves with it: the new partner sees its orders, requests and entitlements, the old one gets 404', async () => {
    assert.ok(transferId, 'runs after the transfer');
    assert.equal((await getOrder(deps, P.agentB, first.id)).order.id, first.id);
    assert.ok((await listOrders(db, P.agentB, { limit: 50 })).some((o) => o.id === first.id));
    assert.equal((await refusal(getOrder(deps, P.agentA, first.id))).status, 404);
    assert.ok(!(await listOrders(db, P.agentA, { limit: 50 })).some((o) => o.company_id === W.huihuang));
    assert.equal((await getRequest(deps, P.agentB, withdrawnRefund)).request.id, withdrawnRefund);
    assert.ok((await listQueue(deps, P.agentB, { limit: 50 })).some((x) => x.request.id === withdrawnRefund));
    assert.equal((await refusal(getRequest(deps, P.agentA, withdrawnRefund))).status, 404);
    assert.ok((await companyEntitlements(deps, P.agentB, W.huihuang)).components.length > 0);
    assert.equal((await refusal(companyEntitlements(deps, P.agentA, W.huihuang))).status, 404);
  });

  it('R17 R32 a pre-transfer order is refunded only by the order desk, and the money goes back to the wallet that paid', async () => {
    assert.ok(transferId, 'runs after the transfer');
    const byNewOwner = await refusal(
      fileRefund(deps, P.agentB, { orderIds: [first.id], mode: 'refund', reason: '客户不要了' }),
    );
    assert.equal(byNewOwner.code, 'REFUND_NEEDS_ORDER_DESK');
    assert.match(byNewOwner.text.zh, new RegExp(first.number));
    assert.equal(
      (await refusal(fileRefund(deps, P.agentA, { orderIds: [first.id], mode: 'refund', reason: 'x' })))
        .status,
      404,
      'the old partner no longer sees it',
    );
    assert.equal(
      (await refusal(fileRefund(deps, P.sales, { orderIds: [first.id], mode: 'refund', reason: 'x' }))).code,
      'REFUND_NEEDS_ORDER_DESK',
    );
    const [a, b] = [await balance(W.partnerA), await balance(W.partnerB)];
    const r = await fileRefund(deps, P.desk, {
      orderIds: [first.id],
      mode: 'refund',
      reason: '转移前订单，按原渠道返款',
    });
    await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: '同意' });
    assert.equal(await balance(W.partnerA), a + r.total, 'credited to the partner whose wallet paid');
    assert.equal(await balance(W.partnerB), b, 'the new owner is not paid money it never paid');
    assert.equal(
      (await refusal(getRequest(deps, P.agentB, r.id))).status,
      404,
      'the desk’s request stays the desk’s',
    );
  });

  it('R17 an order whose payer no longer owns the customer is never approved nor debited', async () => {
    // 巨石 (partner B) is moved by a write outside the rules, as a racing transfer would leave it.
    const theirs = await order(P.agentB, { ...firstYear, companyId: W.jushi });
    assert.equal(theirs.state, 'submitted');
    await sql`update companies set partner_id = ${W.partnerA} where id = ${W.jushi}`.execute(db);
    const before = await balance(W.partnerB);
    const e = await refusal(approveOrder(deps, P.desk, theirs.id));
    assert.equal(e.code, 'ORDER_PAYER_LEFT');
    assert.match(e.text.zh, new RegExp(theirs.number));
    assert.equal(await balance(W.partnerB), before);
    await rejectOrder(deps, P.desk, theirs.id, '客户已转移');
    const held = await findWallet(db, 'partner', W.partnerB, 'CNY');
    assert.equal(held?.held, 0n, 'rejecting it releases the hold');
  });
});
