import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors';
import { brokenInvariants } from '../../testing/invariant-store';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { findWallet } from '../wallets';
import { approveOrder, listOrders } from '.';

// R12 R16: the seat cap of a tier is decided under the lock the grant takes, not only at quote time.
describe('orders: seat caps under concurrency (R12, R16)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'cap');
  const first = await order(P.agentA, {
    orderType: 'new',
    lines: [{ planId: W.edition60, seats: 59, duration: { unit: 'year', value: 1 } }],
  });
  await approveOrder(deps, P.desk, first.id);
  const seats = async () =>
    (await componentsOf(db, W.huihuang)).find((c) => c.plan_id === W.edition60)?.seats;
  const wallet = () => findWallet(db, 'partner', W.partnerA, 'CNY');
  const plusOne = { orderType: 'add_seats' as const, lines: [{ planId: W.edition60, seats: 1 }] };

  it('R12 R16 16 concurrent "+1 seat" orders at 59 of 60: exactly one is paid, the rest refused, no hold left', async () => {
    const before = await wallet();
    const results = await Promise.allSettled(Array.from({ length: 16 }, () => order(P.agentA, plusOne)));
    const paid = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    assert.equal(paid.length, 1);
    assert.equal(paid[0]?.state, 'paid');
    assert.ok(
      refused.every((e) => e instanceof AppError && e.code === 'SEATS_OUT_OF_TIER'),
      `every refusal is the tier's: ${refused.map((e) => (e instanceof AppError ? e.code : String(e))).join(',')}`,
    );
    assert.equal(await seats(), 60);
    const after = await wallet();
    assert.equal(after?.held, 0n, 'refused orders hold nothing');
    assert.equal(before?.balance ?? 0n, (after?.balance ?? 0n) + (paid[0]?.quote.total ?? 0n));
    const orders = await listOrders(db, P.desk, { limit: 100 });
    assert.equal(
      orders.filter((o) => o.order_type === 'add_seats').length,
      1,
      'refused orders are not saved',
    );
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });

  it('R12 R16 an order desk approval that would pass the cap is refused under the lock, naming the numbers', async () => {
    await sql`update review_policies set mode = 'manual' where order_type = 'add_seats'`.execute(db);
    await sql`update components set seats = 58 where plan_id = ${W.edition60}`.execute(db);
    const a = await order(P.agentA, plusOne);
    const b = await order(P.agentA, { ...plusOne, lines: [{ planId: W.edition60, seats: 2 }] });
    assert.deepEqual([a.state, b.state], ['submitted', 'submitted'], 'each fits at quote time');
    await approveOrder(deps, P.desk, a.id);
    const e = await refusal(approveOrder(deps, P.desk, b.id));
    assert.equal(e.code, 'SEATS_OUT_OF_TIER');
    assert.equal(e.fields[0]?.field, 'lines.0.seats');
    assert.match(e.text.en, /1–60 seats.*59 now.*adds 2.*61/);
    assert.equal(await seats(), 59);
    assert.equal(
      (await wallet())?.held,
      b.quote.total,
      'still submitted: the desk rejects it to release the hold',
    );
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });
});
