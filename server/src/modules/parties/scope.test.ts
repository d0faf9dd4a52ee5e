import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import type { Principal } from '../../platform/principal';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fundCompany, P, W } from '../../testing/world';
import { companyEntitlements } from '../entitlements';
import { getOrder, listOrders, type OrderInput } from '../orders';
import { listRefundableOrders } from '../refunds';
import { viewDashboard } from '../reports';
import { fileRefund, getRequest, listQueue } from '../requests';
import { findWallet, getWallet } from '../wallets';
import { findCompanyInScope } from '.';

// DESIGN §1 (R21 names it for staff scoped to a company): a customer user sees its company and every
// subsidiary below it, at any depth, in every module; never a sibling, never its parent.
const GRANDCHILD = 'cmp_huihuang_gc';
const SIBLING = 'cmp_huihuang_sibling';
const crmYear: Pick<OrderInput, 'orderType' | 'lines' | 'productId'> = {
  orderType: 'new',
  productId: W.otherProduct,
  lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
};

describe('customer scope over a company tree (DESIGN §1, R21)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const at = new Date('2026-01-01T00:00:00Z');
  // 辉煌有限公司 → 辉煌上海分公司 → 辉煌浦东办事处; 辉煌深圳 is a sibling tree of the same partner.
  await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at) values
    (${GRANDCHILD}, '辉煌浦东办事处', ${W.partnerA}, ${W.huihuangSub}, ${at}),
    (${SIBLING}, '辉煌深圳', ${W.partnerA}, null, ${at})`.execute(db);
  const middle: Principal = { ...P.customer, userId: 'usr_cust_mid', companyId: W.huihuangSub };
  const sibling: Principal = { ...P.customer, userId: 'usr_cust_sib', companyId: SIBLING };
  for (const u of [middle, sibling]) {
    await sql`insert into users (id, email, name, roles, company_id, created_at)
      values (${u.userId}, ${`${u.userId}@example.com`}, ${u.userId}, ${sql.val(['customer'])}, ${u.companyId}, ${at})`.execute(
      db,
    );
  }
  for (const companyId of [W.huihuang, GRANDCHILD, SIBLING]) {
    await fundCompany(db, clock, companyId, 100_000n, `scope-${companyId}`);
  }

  it('R21 S-9 a customer of the top orders for its grandchild and gets that order back, with its refund and money', async () => {
    const placed = await order(P.customer, { ...crmYear, companyId: GRANDCHILD });
    assert.equal(placed.state, 'paid');
    assert.equal((await getOrder(deps, P.customer, placed.id)).order.company_id, GRANDCHILD);
    assert.equal((await getOrder(deps, middle, placed.id)).order.id, placed.id, 'and so does the middle');
    const listed = await listOrders(db, P.customer, { limit: 50 });
    assert.ok(listed.some((o) => o.id === placed.id));
    assert.ok(
      (await listRefundableOrders(deps, P.customer)).some((o) => o.id === placed.id),
      'R33 offers the grandchild’s order for refund',
    );
    const r = await fileRefund(deps, P.customer, { orderIds: [placed.id], mode: 'refund', reason: '买错了' });
    assert.equal((await getRequest(deps, P.customer, r.id)).request.id, r.id);
    assert.ok((await listQueue(deps, P.customer, { limit: 50 })).some((x) => x.request.id === r.id));
    const ents = await companyEntitlements(deps, P.customer, GRANDCHILD);
    assert.equal(ents.components.length, 1);
    const dash = await viewDashboard(deps, P.customer);
    assert.ok(
      dash.ordersByState.some((s) => s.state === 'paid' && s.count >= 1n),
      'the dashboard counts it',
    );
    assert.ok(
      dash.money.some((m) => m.kind === 'capture'),
      'the grandchild’s wallet money is in the top’s dashboard',
    );
    const wallet = await findWallet(db, 'company', GRANDCHILD, 'CNY');
    assert.ok(wallet);
    assert.equal((await getWallet(deps, P.customer, wallet.id)).wallet.id, wallet.id);
  });

  it('R21 S-9 a sibling tree and the parent are never visible', async () => {
    const theirs = await order(sibling, { ...crmYear, companyId: SIBLING });
    for (const who of [P.customer, middle]) {
      assert.equal((await refusal(getOrder(deps, who, theirs.id))).status, 404);
      assert.equal((await refusal(findCompanyInScope(db, who, SIBLING))).status, 404);
      assert.ok(!(await listOrders(db, who, { limit: 50 })).some((o) => o.company_id === SIBLING));
      const wallet = await findWallet(db, 'company', SIBLING, 'CNY');
      assert.equal((await refusal(getWallet(deps, who, wallet?.id ?? ''))).status, 404);
    }
    assert.equal((await refusal(findCompanyInScope(db, middle, W.huihuang))).status, 404, 'not upwards');
    const mine = await order(P.customer, { ...crmYear, companyId: W.huihuang });
    assert.equal((await refusal(getOrder(deps, middle, mine.id))).status, 404);
    assert.equal((await refusal(getOrder(deps, sibling, mine.id))).status, 404);
    assert.equal((await refusal(order(sibling, { ...crmYear, companyId: GRANDCHILD }))).status, 404);
  });
});
