import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, fundCompany, P, W } from '../../testing/world';
import { approveOrder, getOrder, recordContractArrival } from '.';

// R40: an automatic approval and capture are the system's, with the policy as the reason; the person who
// submitted stays on the submit row.
describe('orders: automatic approvals are audited as the system (R40)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'r40');
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);
  const trail = async (id: string) =>
    (await getOrder(deps, P.desk, id)).trail.map((a) => [a.action, a.actor_kind, a.actor_id, a.reason]);

  it('R40 a renewal approved by the review policy: submit by the agent, approve and capture by the system', async () => {
    const placed = await order(P.agentA, {
      orderType: 'renew',
      lines: [{ planId: W.archive, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(placed.state, 'paid');
    assert.deepEqual(await trail(placed.id), [
      ['submit', 'partner', P.agentA.userId, null],
      ['auto_approve', 'system', null, 'R3: review policy auto (renew · partner)'],
      ['capture', 'system', null, 'R3: review policy auto (renew · partner)'],
    ]);
    assert.equal((await getOrder(deps, P.desk, placed.id)).order.decided_by, null);
  });

  it('R40 a self-service order is approved by the system, naming the self-service rule', async () => {
    await fundCompany(db, clock, W.huihuang, 100_000n, 'r40-self');
    const placed = await order(P.customer, {
      orderType: 'new',
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    const rows = await trail(placed.id);
    assert.deepEqual(rows[0]?.slice(0, 3), ['submit', 'customer', P.customer.userId]);
    assert.deepEqual(rows[1], [
      'auto_approve',
      'system',
      null,
      'R3: self-service orders are approved automatically',
    ]);
  });

  it('R40 a renewal approved when its contract arrives: the arrival by the desk, the approval by the system', async () => {
    const crm = {
      companyId: W.huihuangSub,
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 3, duration: { unit: 'year' as const, value: 1 } }],
    };
    const bought = await order(P.agentA, { orderType: 'new', ...crm });
    await approveOrder(deps, P.desk, bought.id);
    const renewal = await order(P.agentA, {
      orderType: 'renew',
      ...crm,
      lines: [{ planId: W.otherPlan, duration: { unit: 'year', value: 1 } }],
    });
    await recordContractArrival(deps, P.desk, renewal.id);
    const rows = await trail(renewal.id);
    assert.deepEqual(
      rows.map((r) => r.slice(0, 3)),
      [
        ['submit', 'partner', P.agentA.userId],
        ['contract_arrived', 'staff', P.desk.userId],
        ['auto_approve', 'system', null],
        ['capture', 'system', null],
      ],
    );
    assert.equal(rows[2]?.[3], 'R3: contract arrived');
  });
});
