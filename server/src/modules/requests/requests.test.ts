import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { notificationsOf } from '../notifications';
import { approveOrder, getOrder, linesOf } from '../orders';
import { findWallet } from '../wallets';
import {
  commentRequest,
  decideRequest,
  editTopup,
  fileRefund,
  fileTopup,
  fileTransfer,
  getRequest,
  listQueue,
  submitRequest,
  withdrawRequest,
} from '.';

describe('requests: top-ups, refunds, transfers (R17, R25–R27, R32, R34)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const balance = async (partnerId: string = W.partnerA) =>
    (await findWallet(db, 'partner', partnerId, 'CNY'))?.balance ?? 0n;

  it('R25 a top-up draft is editable, returned for correction, resubmitted and approved by another finance user', async () => {
    const t = await fileTopup(deps, P.sales, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      companyId: W.huihuang,
      payer: '辉煌有限公司',
      currency: 'CNY',
      amount: '50000.00',
      bankRef: 'BK-001',
    });
    assert.equal(t.state, 'draft');
    await editTopup(deps, P.sales, { id: t.id, amount: '60000.00' });
    await submitRequest(deps, P.sales, t.id);
    const e = await refusal(editTopup(deps, P.sales, { id: t.id, amount: '1.00' }));
    assert.equal(e.code, 'REQUEST_NOT_EDITABLE');
    assert.equal(
      (await decideRequest(deps, P.finance, { id: t.id, verdict: 'return', comment: '银行流水号不对' }))
        .state,
      'returned',
    );
    await editTopup(deps, P.sales, { id: t.id, bankRef: 'BK-002' });
    await submitRequest(deps, P.sales, t.id);
    assert.equal(
      (await decideRequest(deps, P.finance2, { id: t.id, verdict: 'approve', comment: '已到账' })).state,
      'approved',
    );
    assert.equal(await balance(), 6_000_000n);
    const detail = await getRequest(deps, P.finance, t.id);
    assert.deepEqual(
      detail.comments.map((c) => c.action),
      ['return', 'approve'],
    );
    assert.match((await notificationsOf(db, P.sales.userId ?? ''))[0]?.title_zh ?? '', /已批准/);
  });

  it('R25 the approver is never the submitter, a decision needs a comment, and declined is final', async () => {
    const byFinance = fileTopup(deps, P.finance, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: 'x',
      currency: 'CNY',
      amount: '1.00',
      bankRef: 'B',
      submit: true,
    });
    assert.equal(
      (await refusal(byFinance)).code,
      'FORBIDDEN',
      'finance reviews top-ups; it does not file them',
    );
    const mine = await fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: 'ignored',
      payer: '李艳',
      currency: 'CNY',
      amount: '100.00',
      bankRef: 'B-9',
      submit: true,
    });
    const self = { ...P.finance, userId: P.agentA.userId };
    assert.equal(
      (await refusal(decideRequest(deps, self, { id: mine.id, verdict: 'approve', comment: 'ok' }))).code,
      'SELF_APPROVAL',
    );
    assert.equal(
      (await refusal(decideRequest(deps, P.finance, { id: mine.id, verdict: 'approve', comment: ' ' }))).code,
      'COMMENT_REQUIRED',
    );
    assert.equal(
      (await decideRequest(deps, P.finance, { id: mine.id, verdict: 'decline', comment: '无此笔到账' }))
        .state,
      'declined',
    );
    assert.equal((await refusal(submitRequest(deps, P.agentA, mine.id))).code, 'REQUEST_NOT_EDITABLE');
    assert.equal(await balance(), 6_000_000n);
  });

  it('R26 the top-up list shows settled and pending applications; R34 each has its deadline', async () => {
    await fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount: '5.00',
      bankRef: 'B-10',
      submit: true,
    });
    const rows = await listQueue(deps, P.agentA, { category: 'topup', limit: 10 });
    assert.deepEqual(rows.map((r) => r.request.state).sort(), ['approved', 'declined', 'submitted']);
    const pending = rows.find((r) => r.request.state === 'submitted');
    // Submitted Friday 2026-11-20: Mon 23, Tue 24, Wed 25 → due at the end of 2026-11-25 in Shanghai.
    assert.equal(pending?.request.due_at?.toISOString(), '2026-11-25T15:59:59.999Z');
    assert.equal(pending?.topup?.amount, 500n);
    assert.equal((await listQueue(deps, P.agentB, { category: 'topup', limit: 10 })).length, 0, 'scope');
  });

  it('R32 R35 a refund batch never returns pass-through fees, credits the wallet and revokes what it granted', async () => {
    const a = await order(P.agentA, firstYear);
    await approveOrder(deps, P.desk, a.id);
    const before = await balance();
    const r = await fileRefund(deps, P.agentA, { orderIds: [a.id], mode: 'refund', reason: '下错了' });
    assert.equal(r.total, 1_387_000n - 73_000n, 'everything except the 730.00 interop fee');
    await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: '已返款' });
    assert.equal(await balance(), before + r.total);
    const comps = await componentsOf(db, W.huihuang);
    assert.deepEqual(comps.map((c) => [c.plan_id, c.seats, c.end_date]).sort(), [
      [W.archive, 0, '2026-11-19'],
      [W.edition, 0, '2026-11-19'],
      [W.interop, 20, '2027-11-19'],
    ]);
    const lines = await linesOf(db, [a.id]);
    assert.deepEqual(
      lines.map((l) => l.refunded),
      [1_095_000n, 219_000n, 0n],
    );
    const again = await refusal(
      fileRefund(deps, P.agentA, { orderIds: [a.id], mode: 'refund', reason: 'again' }),
    );
    assert.equal(again.code, 'NOTHING_TO_REFUND', 'invariant 3: never more than paid');
  });

  it('R32 R35 a started period is shortened and only the unused days come back', async () => {
    const b = await order(P.agentA, {
      orderType: 'new',
      companyId: W.huihuangSub,
      lines: [{ planId: W.archive, seats: 10, duration: { unit: 'day', value: 100 } }],
    });
    await approveOrder(deps, P.desk, b.id);
    clock.advance({ days: 10 }); // used 11 days including today, 89 unused
    const before = await balance();
    const r = await fileRefund(deps, P.agentA, { orderIds: [b.id], mode: 'refund', reason: '客户不用了' });
    await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: 'ok' });
    // Paid 10 × 73.00 × 100 / 365 = 200.00; 89 of 100 days unused → 178.00.
    assert.equal((await balance()) - before, 17_800n);
    const c = (await componentsOf(db, W.huihuangSub)).find((x) => x.plan_id === W.archive);
    assert.equal(c?.end_date, '2026-11-30');
  });

  it('R27 a settled-offline order returns its wallet debit once and keeps its entitlements', async () => {
    const d = await order(P.agentA, {
      orderType: 'new',
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 2, duration: { unit: 'year', value: 1 } }],
    });
    await approveOrder(deps, P.desk, d.id);
    const noEvidence = await refusal(
      fileRefund(deps, P.agentA, { orderIds: [d.id], mode: 'settled_offline', reason: '节前邮件核销' }),
    );
    assert.equal(noEvidence.code, 'EVIDENCE_REQUIRED');
    const before = await balance();
    const r = await fileRefund(deps, P.agentA, {
      orderIds: [d.id],
      mode: 'settled_offline',
      reason: '节前邮件核销',
      evidence: '核销邮件 2026-11-19',
    });
    await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: '已核对核销邮件' });
    assert.equal((await balance()) - before, 20_000n);
    assert.ok((await getOrder(deps, P.agentA, d.id)).order.settled_offline_at);
    assert.equal((await componentsOf(db, W.huihuang, W.otherProduct))[0]?.seats, 2, 'entitlements stay');
    const twice = await refusal(
      fileRefund(deps, P.agentA, { orderIds: [d.id], mode: 'settled_offline', reason: 'x', evidence: 'y' }),
    );
    assert.equal(twice.code, 'ALREADY_SETTLED_OFFLINE');
  });

  it('R17 a transfer moves the customer to the new partner once approved; later orders bill the new partner', async () => {
    const t = await fileTransfer(deps, P.agentB, {
      tenantId: 'wwb0e22cefc85a80d3',
      reason: '客户要求转到我们',
    });
    await decideRequest(deps, P.desk, { id: t.id, verdict: 'approve', comment: '已转移' });
    await fund(db, clock, W.partnerB, 1_000_000n, 'r17');
    const placed = await order(P.agentB, {
      orderType: 'renew',
      lines: [{ planId: W.interop, duration: { unit: 'day', value: 30 } }],
    });
    assert.equal(placed.quote.partnerId, W.partnerB);
    const gone = await refusal(
      order(P.agentA, {
        orderType: 'renew',
        lines: [{ planId: W.interop, duration: { unit: 'day', value: 30 } }],
      }),
    );
    assert.equal(gone.status, 404, 'the old partner no longer sees the customer');
  });

  it('a request is withdrawn by its filer while undecided, never by others or after a decision', async () => {
    const t = await fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount: '9.00',
      bankRef: 'B-W',
      submit: true,
    });
    assert.equal(
      (await refusal(withdrawRequest(deps, { ...P.agentA, userId: 'usr_agent_b' }, t.id))).code,
      'WITHDRAW_NOT_CREATOR',
    );
    assert.equal((await withdrawRequest(deps, P.agentA, t.id)).state, 'withdrawn');
    assert.equal(
      (await refusal(decideRequest(deps, P.finance, { id: t.id, verdict: 'approve', comment: 'ok' }))).code,
      'REQUEST_NOT_SUBMITTED',
    );
    assert.equal((await refusal(withdrawRequest(deps, P.agentA, t.id))).code, 'REQUEST_DECIDED');
  });

  it('R11 a request carries a conversation: the filer and the owner team comment, others cannot see it', async () => {
    const t = await fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount: '3.00',
      bankRef: 'B-C',
      submit: true,
    });
    await commentRequest(deps, P.finance, { id: t.id, body: '请补充回单' });
    await commentRequest(deps, P.agentA, { id: t.id, body: '已上传回单' });
    assert.equal((await refusal(commentRequest(deps, P.agentB, { id: t.id, body: 'x' }))).status, 404);
    const d = await getRequest(deps, P.agentA, t.id);
    assert.deepEqual(
      d.comments.map((c) => [c.author_id, c.body]),
      [
        [P.finance.userId, '请补充回单'],
        [P.agentA.userId, '已上传回单'],
      ],
    );
  });
});
