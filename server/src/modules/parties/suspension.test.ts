import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import type { Principal } from '../../platform/principal';
import { makeUser, signIn } from '../../testing/auth-factory';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder, submitOrder } from '../orders';
import { fileRefund, fileTopup, submitRequest } from '../requests';
import { findWallet } from '../wallets';
import { updateCompanyDetails, updatePartnerDetails } from '.';

// Issue #10 item 6: a suspended partner's or company's users sign in and read, but commit no money; a
// suspended company is not ordered for.
describe('suspension of partners and companies (S-6, R2, R25)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const admin: Principal = { ...P.desk, userId: 'usr_admin', roles: ['admin'] };
  const topup = (p: Principal, submit = true) =>
    fileTopup(deps, p, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳',
      currency: 'CNY',
      amount: '100.00',
      bankRef: 'B-S6',
      submit,
    });
  const renewArchive = {
    orderType: 'renew' as const,
    lines: [{ planId: W.archive, duration: { unit: 'day' as const, value: 30 } }],
  };

  const newArchive = {
    orderType: 'new' as const,
    lines: [{ planId: W.archive, seats: 1, duration: { unit: 'day' as const, value: 30 } }],
  };

  it("S-6 a suspended partner's agent keeps its drafts and reads, but submits no order, top-up or refund", async () => {
    await fund(db, clock, W.partnerA, 5_000_000n, 's6');
    const paid = await order(P.agentA, firstYear);
    await approveOrder(deps, P.desk, paid.id);
    const draftTopup = await topup(P.agentA, false);
    await updatePartnerDetails(deps, admin, W.partnerA, { version: 1, state: 'suspended' });
    const held = (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held;

    const placed = await refusal(order(P.agentA, renewArchive));
    assert.equal(placed.code, 'PARTY_SUSPENDED');
    assert.equal(placed.status, 403);
    assert.match(placed.text.zh, /李艳渠道/);
    assert.ok(placed.fixes.length > 0);
    const draft = await order(P.agentA, renewArchive, false);
    assert.equal(draft.state, 'draft', 'a draft commits nothing');
    assert.equal((await refusal(submitOrder(deps, P.agentA, draft.id))).code, 'PARTY_SUSPENDED');
    assert.equal((await refusal(topup(P.agentA))).code, 'PARTY_SUSPENDED');
    assert.equal((await refusal(submitRequest(deps, P.agentA, draftTopup.id))).code, 'PARTY_SUSPENDED');
    const refund = fileRefund(deps, P.agentA, { orderIds: [paid.id], mode: 'refund', reason: '下错了' });
    assert.equal((await refusal(refund)).code, 'PARTY_SUSPENDED');
    assert.equal((await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held, held, 'no new hold');

    await updatePartnerDetails(deps, admin, W.partnerA, { version: 2, state: 'active' });
    assert.equal(await submitOrder(deps, P.agentA, draft.id), 'paid', 'reactivated, it orders again');
  });

  it('S-6 a suspended company cannot be ordered for, by anyone; its users commit nothing; only an admin suspends it', async () => {
    const byDesk = await refusal(
      updateCompanyDetails(deps, P.desk, W.huihuang, { version: 1, state: 'suspended' }),
    );
    assert.equal(byDesk.code, 'FORBIDDEN');
    const before = await order(P.agentA, renewArchive, false);
    await updateCompanyDetails(deps, admin, W.huihuang, { version: 1, state: 'suspended' });
    for (const who of [P.agentA, P.sales]) {
      const e = await refusal(order(who, renewArchive, false));
      assert.equal(e.code, 'COMPANY_SUSPENDED', `${who.userId} cannot order for it, not even a draft`);
      assert.match(e.text.zh, /辉煌有限公司/);
      assert.match(e.text.en, /辉煌有限公司/);
    }
    assert.equal((await refusal(submitOrder(deps, P.agentA, before.id))).code, 'COMPANY_SUSPENDED');
    const own = await refusal(order(P.customer, { ...newArchive, companyId: W.huihuangSub }));
    assert.equal(own.code, 'PARTY_SUSPENDED', "the suspended company's own users commit no money");
    const sub = await order(P.agentA, { ...newArchive, companyId: W.huihuangSub }, false);
    assert.equal(sub.state, 'draft', 'its active subsidiary is still ordered for');
    const hidden = await refusal(order(P.agentB, renewArchive, false));
    assert.equal(hidden.status, 404, 'another partner learns nothing about it');
    await updateCompanyDetails(deps, admin, W.huihuang, { version: 2, state: 'active' });
    assert.equal((await order(P.agentA, renewArchive, false)).state, 'draft');
  });
});

describe('suspension over HTTP (S-6)', async () => {
  const database = await useTestDatabase();
  const { clock } = await scenario(database);
  const app = createApp({ database, clock });
  const admin = await makeUser(database, clock, { roles: ['admin'] });
  const agent = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: W.partnerB });
  const call = async (cookie: string, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': `s6-${Math.random()}` },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };

  it('S-6 after PATCH /partners/{id} suspended, its agent signs in and reads, and filing a top-up is refused with the reason', async () => {
    const a = await signIn(app, admin.email, admin.password);
    const patched = await call(a, 'PATCH', `/api/v1/partners/${W.partnerB}`, {
      version: 1,
      state: 'suspended',
    });
    assert.equal(patched.body.state, 'suspended');
    const cookie = await signIn(app, agent.email, agent.password);
    assert.equal((await call(cookie, 'GET', '/api/v1/orders')).status, 200);
    // The console shows the banner from /me: the party the user acts for is suspended; staff act for none.
    assert.equal((await call(cookie, 'GET', '/api/v1/me')).body.partyState, 'suspended');
    assert.equal((await call(a, 'GET', '/api/v1/me')).body.partyState, 'active');
    const filed = await call(cookie, 'POST', '/api/v1/topups', {
      walletOwnerType: 'partner',
      walletOwnerId: 'ignored',
      payer: 'Lina',
      currency: 'CNY',
      amount: '100.00',
      bankRef: 'B-1',
      submit: true,
    });
    assert.equal(filed.status, 403);
    assert.equal(filed.body.code, 'PARTY_SUSPENDED');
    assert.match(String((filed.body.message as { en: string }).en), /suspended/);
    const company = await call(a, 'PATCH', `/api/v1/companies/${W.jushi}`, {
      version: 1,
      state: 'suspended',
    });
    assert.deepEqual([company.status, company.body.state], [200, 'suspended']);
  });
});
