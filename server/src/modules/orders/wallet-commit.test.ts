import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, fundCompany, P, W } from '../../testing/world';
import { findWallet } from '../wallets';
import { listOrders, submitOrder } from '.';

const oneSeat = {
  orderType: 'new' as const,
  lines: [{ planId: W.edition, seats: 1, duration: { unit: 'year' as const, value: 1 } }],
};

// R2: only the payer's own users commit its wallet: a partner wallet its agents, a company wallet its users.
describe('orders: who may spend a wallet (R2)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 1_000_000n, 'r2-who');
  const partnerHeld = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held;

  it('R2 a customer user cannot submit its partner’s draft and hold the partner wallet', async () => {
    const draft = await order(P.agentA, oneSeat, false);
    const e = await refusal(submitOrder(deps, P.customer, draft.id));
    assert.equal(e.status, 403);
    assert.equal(e.code, 'WALLET_NOT_YOURS');
    assert.match(e.text.zh, /李艳渠道/);
    assert.equal(await partnerHeld(), 0n);
    assert.equal(await submitOrder(deps, P.agentA, draft.id), 'submitted', 'the partner’s agent may');
    assert.equal(await partnerHeld(), 36_500n);
  });

  it('R2 staff submitting for a partner’s customer are refused, naming the partner’s agents; the draft is theirs to submit', async () => {
    for (const staff of [P.sales, P.desk]) {
      const e = await refusal(order(staff, oneSeat));
      assert.equal(e.status, 403);
      assert.equal(e.code, 'WALLET_NOT_YOURS');
      assert.match(e.text.en, /agents of 李艳渠道/);
      assert.match(e.fixes[0]?.en ?? '', /draft/);
    }
    const draft = await order(P.sales, oneSeat, false);
    assert.equal(draft.state, 'draft', 'staff may save a draft for the partner');
    const e = await refusal(submitOrder(deps, P.desk, draft.id));
    assert.equal(e.code, 'WALLET_NOT_YOURS');
    assert.equal(await partnerHeld(), 36_500n, 'only the first test’s hold');
    assert.equal(await submitOrder(deps, P.agentA, draft.id), 'submitted');
    assert.equal(await partnerHeld(), 2n * 36_500n);
  });

  it('R2 staff orders for a direct customer are paid from the company’s own wallet', async () => {
    await sql`insert into companies (id, name_zh, created_at) values ('cmp_direct', '直客公司', now())`.execute(
      db,
    );
    await fundCompany(db, clock, 'cmp_direct', 100_000n, 'direct');
    const placed = await order(P.sales, { ...oneSeat, companyId: 'cmp_direct' });
    assert.equal(placed.quote.channel, 'direct');
    assert.equal(placed.state, 'submitted');
    assert.equal((await findWallet(db, 'company', 'cmp_direct', 'CNY'))?.held, 36_500n);
    const orders = await listOrders(db, P.desk, { limit: 50 });
    assert.equal(orders.filter((o) => o.state === 'submitted').length, 3);
  });
});
