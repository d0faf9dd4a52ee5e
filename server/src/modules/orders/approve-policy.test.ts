import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { transact } from '../../platform/db/transact';
import { within } from '../../platform/deps';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder, findOrder, getOrder } from '.';

// Issue #11 (ADR 0014): one approve use case; a policy's approval (R3) joins the caller's transaction
// through `within` instead of an `approveInTx` twin.
describe('orders: a policy approval runs inside the caller’s transaction (S-11)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 's11-policy');

  it('S-11 a policy approval is refused outside the transaction that locked its order', async () => {
    const placed = await order(P.agentA, firstYear);
    const row = await findOrder(db, P.agentA, placed.id);
    assert.ok(row);
    await assert.rejects(
      approveOrder(deps, P.agentA, placed.id, 'R3: test', { order: row }),
      /inside the transaction/,
    );
    assert.equal((await getOrder(deps, P.desk, placed.id)).order.state, 'submitted');
  });

  it('S-11 R40 within the caller’s transaction the system approves and captures, the caller needing no desk role', async () => {
    const placed = await order(P.agentA, firstYear);
    await transact(db, async (tx) => {
      const row = await findOrder(tx, P.agentA, placed.id, true);
      assert.ok(row);
      await approveOrder(within(deps, tx), P.agentA, placed.id, 'R3: test', { order: row });
    });
    const seen = await getOrder(deps, P.desk, placed.id);
    assert.equal(seen.order.state, 'paid');
    assert.deepEqual(
      seen.trail.map((a) => [a.action, a.actor_kind, a.reason]),
      [
        ['submit', 'partner', null],
        ['auto_approve', 'system', 'R3: test'],
        ['capture', 'system', 'R3: test'],
      ],
    );
  });
});
