import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn as demoSignIn } from '../../testing/auth-factory';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { appendAudit, listAudit } from '../audit/audit-store';
import { approveOrder } from '../orders';
import { findWallet } from '../wallets';
import {
  claimRequest,
  decideRequest,
  editTopup,
  fileRefund,
  fileTopup,
  getRequest,
  submitRequest,
  withdrawRequest,
} from '.';

// R25 separation of duties: whoever files, edits or submits a request never decides it; only the filer
// edits, submits and withdraws. Reproduces issue #10 item 3 (finance raising a partner's 30,000.00 to
// 500,000.00 and approving it).
describe('requests: separation of duties (R25, R40)', async () => {
  const database = await useTestDatabase();
  const { deps, order } = await scenario(database);
  const { db } = database;
  const balance = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.balance ?? 0n;
  const draft = (by = P.agentA, amount = '30000.00') =>
    fileTopup(deps, by, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount,
      bankRef: 'ICBC-001',
    });
  const agentA2 = { ...P.agentA, userId: 'usr_agent_a2' };
  const admin = (id: string): Principal => ({ ...P.finance, userId: id, roles: ['admin'] });
  for (const id of ['usr_admin_x', 'usr_admin_y']) {
    await sql`insert into users (id, email, name, roles, created_at)
      values (${id}, ${`${id}@example.com`}, ${id}, ${sql.val(['admin'])}, now())`.execute(db);
  }

  it('R25 only the filer edits a top-up: finance, desk, sales and a colleague are refused and the amount stays', async () => {
    const t = await draft();
    for (const who of [P.finance, P.desk, P.sales, agentA2]) {
      const e = await refusal(editTopup(deps, who, { id: t.id, amount: '500000.00' }));
      assert.equal(e.code, 'EDIT_NOT_FILER', `${who.userId} may not edit`);
      assert.equal(e.status, 403);
      assert.ok(e.fixes.length > 0, 'the refusal says what to do instead');
    }
    await submitRequest(deps, P.agentA, t.id);
    const e = await refusal(editTopup(deps, P.agentA, { id: t.id, amount: '1.00' }));
    assert.equal(e.code, 'REQUEST_NOT_EDITABLE', 'submitted is not editable, even by the filer');
    const before = await balance();
    await decideRequest(deps, P.finance, { id: t.id, verdict: 'approve', comment: '已到账' });
    assert.equal((await balance()) - before, 3_000_000n, '30,000.00 as filed, not 500,000.00');
  });

  it('R25 only the filer submits, resubmits after a return (驳回) and withdraws', async () => {
    const t = await draft(P.sales);
    for (const who of [P.agentA, P.finance, P.desk]) {
      assert.equal((await refusal(submitRequest(deps, who, t.id))).code, 'SUBMIT_NOT_FILER');
    }
    await submitRequest(deps, P.sales, t.id);
    await decideRequest(deps, P.finance, { id: t.id, verdict: 'return', comment: '银行流水号不对' });
    assert.equal((await refusal(submitRequest(deps, P.finance, t.id))).code, 'SUBMIT_NOT_FILER');
    assert.equal((await refusal(withdrawRequest(deps, P.agentA, t.id))).code, 'WITHDRAW_NOT_CREATOR');
    await editTopup(deps, P.sales, { id: t.id, bankRef: 'ICBC-002' });
    assert.equal((await submitRequest(deps, P.sales, t.id)).state, 'submitted');
    assert.equal(
      (await decideRequest(deps, P.finance2, { id: t.id, verdict: 'approve', comment: '已到账' })).state,
      'approved',
    );
  });

  it('R25 the decider is neither the filer nor anyone who edited or submitted the request', async () => {
    const x = admin('usr_admin_x');
    const byAdmin = await fileTopup(deps, x, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount: '10.00',
      bankRef: 'B-A',
      submit: true,
    });
    const filed = await refusal(
      decideRequest(deps, x, { id: byAdmin.id, verdict: 'approve', comment: 'ok' }),
    );
    assert.equal(filed.code, 'SELF_APPROVAL');
    assert.deepEqual(filed.details.involvement, ['filed', 'submitted']);
    assert.equal((await refusal(claimRequest(deps, x, byAdmin.id))).code, 'SELF_APPROVAL');
    // An edit recorded before only the filer could edit (an old row) still bars its author from deciding.
    const t = await draft();
    await appendAudit(
      db,
      deps.clock,
      { kind: 'staff', id: P.finance.userId, channel: 'console' },
      {
        objectType: 'request',
        objectId: t.id,
        action: 'edit',
        before: { amount: '3000000' },
        after: { amount: '50000000' },
      },
    );
    await submitRequest(deps, P.agentA, t.id);
    const edited = await refusal(
      decideRequest(deps, P.finance, { id: t.id, verdict: 'return', comment: '请核对' }),
    );
    assert.equal(edited.code, 'SELF_APPROVAL');
    assert.deepEqual(edited.details.involvement, ['edited']);
    assert.match(edited.text.en, /changed/);
    assert.equal(
      (await decideRequest(deps, P.finance2, { id: t.id, verdict: 'return', comment: '请核对' })).state,
      'returned',
    );
  });

  it('R25 the same duties hold for refunds: the filer alone submits, and never decides', async () => {
    await fund(db, deps.clock, W.partnerA, 2_000_000n, 'duties');
    const a = await order(P.agentA, firstYear);
    await approveOrder(deps, P.desk, a.id);
    const staff = admin('usr_admin_y');
    const r = await fileRefund(deps, staff, {
      orderIds: [a.id],
      mode: 'refund',
      reason: '下错了',
      submit: false,
    });
    // S-10: a refund staff filed is not the partner's to see; a colleague who sees it may not submit it either.
    assert.equal((await refusal(submitRequest(deps, P.agentA, r.id))).code, 'NOT_FOUND');
    assert.equal((await refusal(submitRequest(deps, P.desk, r.id))).code, 'SUBMIT_NOT_FILER');
    await submitRequest(deps, staff, r.id);
    assert.equal(
      (await refusal(decideRequest(deps, staff, { id: r.id, verdict: 'approve', comment: 'ok' }))).code,
      'SELF_APPROVAL',
    );
    assert.equal(
      (await decideRequest(deps, P.finance, { id: r.id, verdict: 'decline', comment: '不予返款' })).state,
      'declined',
    );
  });

  it('R40 every edit is audited with the stored values before and after', async () => {
    const t = await draft();
    await editTopup(deps, P.agentA, { id: t.id, amount: '31000.00', bankRef: 'ICBC-009' });
    const edit = (await listAudit(db, 'request', t.id)).find((a) => a.action === 'edit');
    assert.ok(edit);
    assert.equal(edit.actor_id, P.agentA.userId);
    assert.equal(edit.state_before, 'draft');
    assert.deepEqual(edit.before, { payer: '李艳', currency: 'CNY', amount: '3000000', bankRef: 'ICBC-001' });
    assert.deepEqual(edit.after, { payer: '李艳', currency: 'CNY', amount: '3100000', bankRef: 'ICBC-009' });
    const blank = await refusal(editTopup(deps, P.agentA, { id: t.id, payer: '  ' }));
    assert.equal(blank.fields[0]?.field, 'payer');
    assert.equal((await getRequest(deps, P.agentA, t.id)).topup?.amount, 3_100_000n);
  });
});

describe('requests over HTTP: a returned top-up is edited and resubmitted by its filer (R25)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  let n = 0;
  const signIn = (email: string) => demoSignIn(app, email, DEMO_PASSWORD);
  const call = async (cookie: string, method: string, path: string, body: unknown = {}) => {
    const res = await app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `d-${++n}` },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const agent = await signIn('agent@kaidan.demo');
  const finance = await signIn('finance@kaidan.demo');

  it('R25 PATCH by finance is refused as problem+json; the filer edits the returned application and resubmits it', async () => {
    const filed = await call(agent, 'POST', '/api/v1/topups', {
      walletOwnerType: 'partner',
      walletOwnerId: 'ignored',
      payer: '李艳渠道',
      currency: 'CNY',
      amount: '30000.00',
      bankRef: 'ICBC-20261125-0001',
      submit: true,
    });
    assert.equal(filed.status, 201);
    const id = String(filed.body.id);
    const returned = await call(finance, 'POST', `/api/v1/requests/${id}/return`, { comment: '流水号不对' });
    assert.equal(returned.body.state, 'returned');
    const byFinance = await call(finance, 'PATCH', `/api/v1/topups/${id}`, { amount: '500000.00' });
    assert.equal(byFinance.status, 403);
    assert.equal(byFinance.body.code, 'EDIT_NOT_FILER');
    assert.ok(Array.isArray(byFinance.body.fixes) && byFinance.body.fixes.length > 0);
    const edited = await call(agent, 'PATCH', `/api/v1/topups/${id}`, { bankRef: 'ICBC-20261125-0002' });
    assert.deepEqual([edited.status, edited.body], [200, { ok: true }]);
    const resubmitted = await call(agent, 'POST', `/api/v1/requests/${id}/submit`);
    assert.deepEqual([resubmitted.status, resubmitted.body.state], [200, 'submitted']);
    const approved = await call(finance, 'POST', `/api/v1/requests/${id}/approve`, { comment: '已到账' });
    assert.deepEqual([approved.status, approved.body.state], [200, 'approved']);
  });
});
