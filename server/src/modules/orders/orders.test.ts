import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, fundCompany, P, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { notificationsOf } from '../notifications';
import { findWallet } from '../wallets';
import {
  approveOrder,
  cancelContractArrival,
  deleteOrder,
  getOrder,
  listOrders,
  quoteOrder,
  receiveOrder,
  recordContractArrival,
  rejectOrder,
  voidOrder,
} from '.';
import { presentOrder } from './order-present';

describe('orders: quote, hold, review, capture (R1–R4, R8, R12)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const wallet = () => findWallet(db, 'partner', W.partnerA, 'CNY');

  it('R1 the quote shows each line’s price and service period and writes nothing', async () => {
    const q = await quoteOrder(db, clock, P.agentA, {
      companyId: W.huihuang,
      productId: W.product,
      ...firstYear,
    });
    assert.deepEqual(
      q.lines.map((l) => [l.periodStart, l.periodEnd, l.days, l.amount]),
      [
        ['2026-11-20', '2027-11-19', 365, 30n * 36500n],
        ['2026-11-20', '2027-11-19', 365, 30n * 7300n],
        ['2026-11-20', '2027-11-19', 365, 20n * 3650n],
      ],
    );
    assert.equal(q.total, 1_387_000n);
    assert.equal(q.channel, 'partner');
    assert.equal((await listOrders(db, P.agentA, { limit: 10 })).length, 0);
  });

  it('R28 the currency follows the customer’s region: a German customer is quoted in USD', async () => {
    const line = { planId: W.edition, seats: 2, duration: { unit: 'year' as const, value: 1 } };
    const abroad = await quoteOrder(db, clock, P.agentA, {
      companyId: W.abroad,
      productId: W.product,
      orderType: 'new',
      lines: [line],
    });
    assert.deepEqual([abroad.currency, abroad.total], ['USD', 2n * 5000n]);
    const home = await quoteOrder(db, clock, P.agentA, {
      companyId: W.huihuang,
      productId: W.product,
      orderType: 'new',
      lines: [line],
    });
    assert.deepEqual([home.currency, home.total], ['CNY', 2n * 36500n]);
  });

  it('R2 a short wallet refuses the order naming available, holds and shortfall, and saves nothing', async () => {
    await fund(db, clock, W.partnerA, 1_000_000n, 'r2');
    const e = await refusal(order(P.agentA, firstYear));
    assert.equal(e.code, 'INSUFFICIENT_FUNDS');
    assert.deepEqual(
      [e.details.available, e.details.holds, e.details.shortfall],
      ['10000.00', '0.00', '3870.00'],
    );
    assert.equal((await listOrders(db, P.agentA, { limit: 10 })).length, 0);
  });

  it('R3 R29 a new partner order waits for the order desk with the total on hold, granting nothing yet', async () => {
    await fund(db, clock, W.partnerA, 1_000_000n, 'r3');
    const placed = await order(P.agentA, firstYear);
    assert.equal(placed.state, 'submitted');
    assert.match(placed.number, /^SO-20261120-\d{6}$/);
    const w = await wallet();
    assert.equal(w?.held, 1_387_000n);
    assert.equal(w?.balance, 2_000_000n);
    assert.deepEqual(await componentsOf(db, W.huihuang), [], 'R29: nothing granted before payment');
  });

  it('R12 approval captures the hold and grants components with their own seats; R4 the submitter is told', async () => {
    const [o] = await listOrders(db, P.desk, { state: 'submitted', limit: 1 });
    assert.ok(o);
    await approveOrder(deps, P.desk, o.id, 'ok');
    const w = await wallet();
    assert.equal(w?.balance, 2_000_000n - 1_387_000n);
    assert.equal(w?.held, 0n);
    const comps = await componentsOf(db, W.huihuang);
    assert.deepEqual(comps.map((c) => [c.plan_id, c.seats, c.end_date]).sort(), [
      [W.archive, 30, '2027-11-19'],
      [W.edition, 30, '2027-11-19'],
      [W.interop, 20, '2027-11-19'],
    ]);
    const detail = await getOrder(deps, P.agentA, o.id);
    assert.equal(detail.order.state, 'paid');
    assert.deepEqual(
      detail.trail.map((a) => [a.action, a.state_before, a.state_after]),
      [
        ['submit', null, 'submitted'],
        ['approve', 'submitted', 'approved'],
        ['capture', 'approved', 'paid'],
      ],
      'R40: one audit row per state change',
    );
    assert.equal(detail.effects.length, 3);
    const inbox = await notificationsOf(db, P.agentA.userId ?? '');
    assert.match(inbox[0]?.title_zh ?? '', new RegExp(`${o.number}.*已通过`));
  });

  it('R8 a line whose plan belongs to another product is refused with its reason', async () => {
    const e = await refusal(order(P.agentA, { orderType: 'renew', lines: [{ planId: W.otherPlan }] }));
    assert.equal(e.code, 'PLAN_NOT_IN_PRODUCT');
    assert.equal(e.fields[0]?.field.startsWith('lines'), true);
  });

  it('R4 a rejection releases the hold and tells the submitter why', async () => {
    const placed = await order(P.agentA, {
      orderType: 'new',
      companyId: W.huihuangSub,
      lines: [{ planId: W.edition, seats: 5, duration: { unit: 'month', value: 1 } }],
    });
    const before = await wallet();
    assert.equal(before?.held, 15_000n, 'R14: a month is 30 days; 5 seats × 365.00 × 30 / 365');
    await rejectOrder(deps, P.desk, placed.id, '客户信息不全');
    assert.equal((await wallet())?.held, 0n);
    const inbox = await notificationsOf(db, P.agentA.userId ?? '');
    assert.match(inbox[0]?.title_zh ?? '', /被驳回：客户信息不全/);
  });

  it('scope: another partner’s order answers 404, never 403', async () => {
    const [o] = await listOrders(db, P.agentA, { limit: 1 });
    assert.ok(o);
    const e = await refusal(getOrder(deps, P.agentB, o.id));
    assert.equal(e.status, 404);
    assert.equal((await listOrders(db, P.agentB, { limit: 10 })).length, 0);
  });
});

describe('orders: who may cancel what (R5) and plans going off sale (R8)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'r5');
  const colleague = { ...P.agentA, userId: 'usr_agent_b' };
  const small = {
    orderType: 'new' as const,
    lines: [{ planId: W.edition, seats: 1, duration: { unit: 'day' as const, value: 30 } }],
  };
  const held = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held;

  it('R5 the creator voids a submitted order and its hold is released; anyone else is refused with the rule', async () => {
    const placed = await order(P.agentA, small);
    assert.equal(await held(), 3_000n);
    const e = await refusal(voidOrder(deps, colleague, placed.id));
    assert.equal(e.code, 'VOID_NOT_CREATOR');
    await voidOrder(deps, P.agentA, placed.id, '下错了');
    assert.equal(await held(), 0n);
    assert.equal((await getOrder(deps, P.agentA, placed.id)).order.state, 'voided');
  });

  it('R5 once the order desk has taken the order, the creator can no longer void it', async () => {
    const placed = await order(P.agentA, small);
    await receiveOrder(deps, P.desk, placed.id);
    const taken = presentOrder((await getOrder(deps, P.desk, placed.id)).order);
    assert.deepEqual([taken.receivedBy, taken.receivedByName], [P.desk.userId, P.desk.userId], 'who took it');
    const e = await refusal(voidOrder(deps, P.agentA, placed.id));
    assert.equal(e.code, 'VOID_RECEIVED');
    assert.match(e.text.zh, /订单组已接收/);
  });

  it('R5 a paid order is cancelled only through a refund request', async () => {
    const placed = await order(P.agentA, { orderType: 'new', companyId: W.huihuangSub, lines: small.lines });
    await approveOrder(deps, P.desk, placed.id);
    const e = await refusal(voidOrder(deps, P.agentA, placed.id));
    assert.equal(e.code, 'VOID_PAID');
    assert.match(e.text.en, /refund request/);
  });

  it('R5 a draft is deleted by its creator only, and a submitted order cannot be deleted', async () => {
    const draft = await order(P.agentA, small, false);
    assert.equal(draft.state, 'draft');
    assert.equal(await held(), 3_000n, 'a draft holds nothing (only the taken order above does)');
    assert.equal((await refusal(deleteOrder(deps, colleague, draft.id))).code, 'DELETE_NOT_CREATOR');
    await deleteOrder(deps, P.agentA, draft.id);
    assert.equal((await refusal(getOrder(deps, P.agentA, draft.id))).status, 404);
    const submitted = await order(P.agentA, small);
    assert.equal((await refusal(deleteOrder(deps, P.agentA, submitted.id))).code, 'DELETE_NOT_DRAFT');
  });

  it('R5 the order detail offers each caller exactly the actions the rules accept', async () => {
    const actions = async (p: typeof P.desk, id: string) => (await getOrder(deps, p, id)).actions;
    const draft = await order(P.agentA, small, false);
    assert.deepEqual(await actions(P.agentA, draft.id), ['submit', 'delete']);
    assert.deepEqual(await actions(colleague, draft.id), []);
    // R2: staff may see a partner's draft but never commit the partner's wallet, so no submit is offered.
    assert.deepEqual(await actions(P.desk, draft.id), []);
    const placed = await order(P.agentA, small);
    assert.deepEqual(await actions(P.agentA, placed.id), ['void']);
    assert.deepEqual(await actions(P.desk, placed.id), ['approve', 'reject', 'receive', 'contractArrived']);
    await receiveOrder(deps, P.desk, placed.id);
    assert.deepEqual(await actions(P.agentA, placed.id), [], 'taken by the desk: no void (R5)');
    assert.deepEqual(await actions(P.desk, placed.id), ['approve', 'reject', 'contractArrived']);
    await rejectOrder(deps, P.desk, placed.id, '资料不全');
    assert.deepEqual(await actions(P.desk, placed.id), []);
    // What is offered is accepted: the creator's void of a fresh order goes through.
    const fresh = await order(P.agentA, small);
    for (const a of await actions(P.agentA, fresh.id))
      if (a === 'void') await voidOrder(deps, P.agentA, fresh.id);
    assert.equal((await getOrder(deps, P.agentA, fresh.id)).order.state, 'voided');
  });

  it('R5 after a contract arrives the creator cannot void until the order desk cancels the arrival', async () => {
    const placed = await order(P.agentA, small);
    await recordContractArrival(deps, P.desk, placed.id);
    assert.equal((await refusal(voidOrder(deps, P.agentA, placed.id))).code, 'VOID_CONTRACT_ARRIVED');
    assert.ok((await getOrder(deps, P.desk, placed.id)).actions.includes('cancelContractArrival'));
    assert.equal((await refusal(cancelContractArrival(deps, P.agentA, placed.id, 'x'))).status, 403);
    assert.equal(
      (await refusal(cancelContractArrival(deps, P.desk, placed.id, ' '))).code,
      'REASON_REQUIRED',
    );
    await cancelContractArrival(deps, P.desk, placed.id, '合同登记错了订单');
    const after = await getOrder(deps, P.agentA, placed.id);
    assert.deepEqual(after.actions, ['void']);
    assert.equal(after.trail.at(-1)?.action, 'contract_arrival_cancelled');
    assert.equal(after.trail.at(-1)?.reason, '合同登记错了订单');
    await voidOrder(deps, P.agentA, placed.id);
    assert.equal((await getOrder(deps, P.agentA, placed.id)).order.state, 'voided');
    const again = await refusal(cancelContractArrival(deps, P.desk, placed.id, '再撤一次'));
    assert.equal(again.code, 'CONTRACT_ARRIVAL_NOT_CANCELLABLE');
  });

  it('R8 an order for a plan that went off sale since it was created is approved with a warning', async () => {
    const other = await refusal(
      order(P.agentA, {
        orderType: 'new',
        companyId: W.jushi,
        lines: [{ planId: W.ending, seats: 2, duration: { unit: 'year', value: 1 } }],
      }),
    );
    assert.equal(other.status, 404, 'jushi belongs to partner B: out of scope for partner A');
    const mine = await order(P.agentA, {
      orderType: 'new',
      companyId: W.huihuangSub,
      productId: W.product,
      lines: [{ planId: W.ending, seats: 2, duration: { unit: 'year', value: 1 } }],
    });
    clock.set('2026-12-01T02:00:00Z');
    const warnings = await approveOrder(deps, P.desk, mine.id);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]?.zh ?? '', /双十一促销版 已停售/);
    const late = await refusal(
      order(P.agentA, {
        orderType: 'new',
        companyId: W.huihuang,
        lines: [{ planId: W.ending, seats: 2, duration: { unit: 'year', value: 1 } }],
      }),
    );
    assert.equal(late.code, 'PLAN_OFF_SALE');
  });

  it('R3 a customer’s self-service order is approved at once and paid from the company’s own wallet', async () => {
    await fundCompany(db, clock, W.huihuang, 100_000n, 'self');
    const placed = await order(P.customer, {
      orderType: 'new',
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(placed.quote.channel, 'self_service');
    assert.equal(placed.state, 'paid');
    assert.equal((await findWallet(db, 'company', W.huihuang, 'CNY'))?.balance, 90_000n);
    assert.equal(
      (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.balance,
      10_000_000n - 3_000n - 40_000n,
      'the partner wallet is untouched',
    );
  });
});
