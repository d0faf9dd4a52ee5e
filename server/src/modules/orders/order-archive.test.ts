import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { makeUser, signIn } from '../../testing/auth-factory';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { decideRequest, fileVoidRequest, getRequest } from '../requests';
import { findWallet } from '../wallets';
import {
  approveOrder,
  archiveOrder,
  cancelContractArrival,
  getOrder,
  recordContractArrival,
  voidOrder,
} from '.';

describe('orders: archived orders are voided only through a void request (R5)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'r5-archive');
  const small = {
    orderType: 'new' as const,
    lines: [{ planId: W.edition, seats: 1, duration: { unit: 'day' as const, value: 30 } }],
  };
  const held = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held;
  // Orders that get paid go to other customers: a paid one is an active subscription there.
  const archived = async (companyId: string = W.huihuang) => {
    const placed = await order(P.agentA, { ...small, companyId });
    await recordContractArrival(deps, P.desk, placed.id);
    await archiveOrder(deps, P.desk, placed.id);
    return placed;
  };
  const evidence = {
    evidence: 'signed_void_document' as const,
    reference: '客户回传作废订单扫描件 VOID-2026-118',
    reason: '客户取消采购',
  };

  it('R5 only the order desk archives, and only once the contract has arrived', async () => {
    const placed = await order(P.agentA, small);
    assert.equal((await refusal(archiveOrder(deps, P.desk, placed.id))).code, 'ARCHIVE_NOT_ALLOWED');
    await recordContractArrival(deps, P.desk, placed.id);
    assert.ok((await getOrder(deps, P.desk, placed.id)).actions.includes('archive'));
    assert.equal((await refusal(archiveOrder(deps, P.agentA, placed.id))).status, 403);
    await archiveOrder(deps, P.desk, placed.id);
    const view = await getOrder(deps, P.desk, placed.id);
    assert.ok(view.order.archived_at, 'the archive date is recorded');
    assert.equal(view.trail.at(-1)?.action, 'archive');
    assert.equal((await refusal(archiveOrder(deps, P.desk, placed.id))).code, 'ARCHIVE_NOT_ALLOWED');
  });

  it('R5 an archived order: the creator cannot void, the desk cannot cancel the arrival; the refusal names the way', async () => {
    const placed = await archived();
    const no = await refusal(voidOrder(deps, P.agentA, placed.id));
    assert.equal(no.code, 'VOID_ARCHIVED');
    assert.match(no.text.zh, /作废申请/);
    const cancel = await refusal(cancelContractArrival(deps, P.desk, placed.id, '登记错了'));
    assert.equal(cancel.code, 'CONTRACT_ARRIVAL_ARCHIVED');
    assert.deepEqual((await getOrder(deps, P.agentA, placed.id)).actions, ['requestVoid']);
    assert.ok(!(await getOrder(deps, P.desk, placed.id)).actions.includes('cancelContractArrival'));
  });

  it('R5 a void request with the signed void document, approved by the desk, voids the order and releases its hold', async () => {
    const before = await held();
    const placed = await archived();
    assert.ok(((await held()) ?? 0n) > (before ?? 0n), 'the archived order still holds its total');
    const filed = await fileVoidRequest(deps, P.agentA, { orderId: placed.id, ...evidence });
    const r = await getRequest(deps, P.desk, filed.id);
    assert.equal(r.request.category, 'void');
    assert.equal(r.request.owner_team, 'order_desk');
    assert.equal((r.request.payload as { orderNumber: string }).orderNumber, placed.number);
    const twice = await refusal(fileVoidRequest(deps, P.agentA, { orderId: placed.id, ...evidence }));
    assert.equal(twice.code, 'VOID_REQUEST_OPEN', 'one open void request per order');
    assert.equal(
      (
        await decideRequest(deps, P.desk, {
          id: filed.id,
          verdict: 'approve',
          comment: '作废订单章清晰，同意',
        })
      ).state,
      'approved',
    );
    const after = await getOrder(deps, P.agentA, placed.id);
    assert.equal(after.order.state, 'voided');
    assert.match(after.trail.at(-1)?.reason ?? '', new RegExp(`${filed.number}.*VOID-2026-118`));
    assert.equal(await held(), before, 'the hold is released');
  });

  it('R5 a declined void request leaves the order as it was; a manager’s approval may be filed next', async () => {
    const placed = await archived();
    const first = await fileVoidRequest(deps, P.agentA, { orderId: placed.id, ...evidence });
    await decideRequest(deps, P.desk, { id: first.id, verdict: 'decline', comment: '作废订单上的章不清晰' });
    assert.equal((await getOrder(deps, P.agentA, placed.id)).order.state, 'submitted');
    const second = await fileVoidRequest(deps, P.agentA, {
      orderId: placed.id,
      evidence: 'manager_approval',
      reference: '王经理特批邮件 2026-11-20',
      reason: '客户无法提供作废订单',
    });
    await decideRequest(deps, P.desk, { id: second.id, verdict: 'approve', comment: '经理特批已核' });
    assert.equal((await getOrder(deps, P.agentA, placed.id)).order.state, 'voided');
  });

  it('R5 a void request is refused where it is not the way: not archived, or someone else’s order', async () => {
    const plain = await order(P.agentA, small);
    assert.equal(
      (await refusal(fileVoidRequest(deps, P.agentA, { orderId: plain.id, ...evidence }))).code,
      'VOID_REQUEST_NOT_NEEDED',
    );
    const other = await archived();
    const colleague = { ...P.agentA, userId: 'usr_agent_b' };
    assert.equal(
      (await refusal(fileVoidRequest(deps, colleague, { orderId: other.id, ...evidence }))).code,
      'VOID_REQUEST_NOT_CREATOR',
    );
    assert.equal(
      (await refusal(fileVoidRequest(deps, P.agentB, { orderId: other.id, ...evidence }))).status,
      404,
    );
  });

  it('R5 an order paid after the request was filed is not voided by its approval (refund instead)', async () => {
    const placed = await archived(W.huihuangSub);
    const filed = await fileVoidRequest(deps, P.agentA, { orderId: placed.id, ...evidence });
    await approveOrder(deps, P.desk, placed.id);
    const late = await refusal(
      decideRequest(deps, P.desk, { id: filed.id, verdict: 'approve', comment: '同意' }),
    );
    assert.equal(late.code, 'VOID_NO_LONGER_POSSIBLE');
    assert.equal((await getOrder(deps, P.agentA, placed.id)).order.state, 'paid');
    assert.equal(
      (await getRequest(deps, P.desk, filed.id)).request.state,
      'submitted',
      'nothing half-applied',
    );
  });

  it('R5/R6 over HTTP: archive, then a void request missing its evidence reference is a 422 naming the field', async () => {
    const app = createApp(deps);
    // The desk may file too (a customer's void document often reaches the desk first).
    const deskUser = await makeUser(database, clock, { roles: ['order_desk'] });
    const desk = await signIn(app, deskUser.email, deskUser.password);
    const placed = await order(P.agentA, small);
    await recordContractArrival(deps, P.desk, placed.id);
    await archiveOrder(deps, P.desk, placed.id);
    const send = (body: unknown) =>
      app.request('/api/v1/void-requests', {
        method: 'POST',
        headers: { cookie: desk, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const bad = await send({
      orderId: placed.id,
      evidence: 'signed_void_document',
      reference: ' ',
      reason: 'x',
    });
    assert.equal(bad.status, 422);
    const problem = (await bad.json()) as { fields: { field: string }[] };
    assert.deepEqual(
      problem.fields.map((f) => f.field),
      ['reference'],
    );
    const detail = async () =>
      (await (await app.request(`/api/v1/orders/${placed.id}`, { headers: { cookie: desk } })).json()) as {
        actions: string[];
        voidRequest: string | null;
      };
    assert.ok((await detail()).actions.includes('requestVoid'));
    assert.equal((await detail()).voidRequest, null);
    const ok = await send({ orderId: placed.id, ...evidence });
    assert.equal(ok.status, 201);
    const filed = (await ok.json()) as { number: string; state: string };
    assert.equal(filed.state, 'submitted');
    // While it is open the detail names it and offers no second one.
    assert.equal((await detail()).voidRequest, filed.number);
    assert.ok(!(await detail()).actions.includes('requestVoid'));
  });
});
