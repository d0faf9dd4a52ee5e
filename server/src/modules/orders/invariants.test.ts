import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { AppError } from '../../platform/errors';
import { brokenInvariants } from '../../testing/invariant-store';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { freshParty, fund, P, W } from '../../testing/world';
import { decideRequest, fileRefund } from '../requests';
import { approveOrder, placeOrder, rejectOrder, voidOrder } from '.';

// Random sequences of top-ups, orders, approvals, rejections, voids, refunds and days passing; after
// each sequence every DESIGN §4 invariant must hold. Refusals (short wallet, wrong state) are expected.
const Op = fc.oneof(
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('topup' as const),
      amount: fc.bigInt({ min: 1n, max: 5_000_000n }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      op: fc.constant('order' as const),
      plan: fc.constantFrom(W.edition, W.archive, W.interop),
      seats: fc.integer({ min: 1, max: 30 }),
      days: fc.integer({ min: 1, max: 800 }),
      type: fc.constantFrom('new' as const, 'renew' as const, 'add_seats' as const),
    }),
  },
  { weight: 4, arbitrary: fc.record({ op: fc.constant('approve' as const), k: fc.nat(2) }) },
  { weight: 5, arbitrary: fc.record({ op: fc.constant('refund' as const), k: fc.nat(2) }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constantFrom('settle' as const, 'reject' as const, 'void' as const),
      k: fc.nat(2),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('days' as const), days: fc.integer({ min: 1, max: 200 }) }),
  },
);

describe('invariants under random sequences (DESIGN §4)', async () => {
  const database = await useTestDatabase();
  const { clock, deps } = await scenario(database);
  let run = 0;
  let seq = 0;
  const done: Record<string, number> = {};

  it('invariants 1–5 and 7 hold after any sequence of wallet, order and refund operations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(Op, { minLength: 1, maxLength: 30 }), async (ops) => {
        run += 1;
        const { partner, companyId } = await freshParty(database.db, run);
        await fund(database.db, clock, partner.partnerId ?? '', 20_000_000n, `prop${run}`);
        // A small model of the orders' states, so decisions aim at orders where they can apply.
        const orders: { id: string; state: string }[] = [];
        const pick = (k: number, state: string) => {
          const fit = orders.filter((x) => x.state === state);
          return fit[fit.length - 1 - (k % Math.max(fit.length, 1))] ?? { id: 'ord_none', state };
        };
        for (const o of ops) {
          try {
            if (o.op === 'topup')
              await fund(database.db, clock, partner.partnerId ?? '', o.amount, `prop${run}-${seq++}`);
            else if (o.op === 'order') {
              const place = (orderType: typeof o.type) =>
                placeOrder(deps, partner, {
                  companyId,
                  productId: W.product,
                  orderType,
                  submit: true,
                  lines: [
                    {
                      planId: o.plan,
                      seats: orderType === 'renew' ? undefined : o.seats,
                      duration: { unit: 'day', value: o.days },
                    },
                  ],
                });
              // With nothing to renew or add to, the partner would buy it new.
              const placed = await place(o.type).catch((e: unknown) =>
                e instanceof AppError && ['NOTHING_TO_RENEW', 'ADD_SEATS_NEEDS_ACTIVE'].includes(e.code)
                  ? place('new')
                  : Promise.reject(e),
              );
              orders.push({ id: placed.id, state: placed.state });
            } else if (o.op === 'approve') {
              const target = pick(o.k, 'submitted');
              await approveOrder(deps, P.desk, target.id);
              target.state = 'paid';
            } else if (o.op === 'reject' || o.op === 'void') {
              const target = pick(o.k, 'submitted');
              await (o.op === 'reject'
                ? rejectOrder(deps, P.desk, target.id, 'no')
                : voidOrder(deps, partner, target.id));
              target.state = 'closed';
            } else if (o.op === 'days') clock.advance({ days: o.days });
            else {
              const mode = o.op === 'settle' ? ('settled_offline' as const) : ('refund' as const);
              const r = await fileRefund(deps, partner, {
                orderIds: [pick(o.k, 'paid').id],
                mode,
                reason: 'prop',
                evidence: 'mail',
              });
              await decideRequest(deps, P.finance, { id: r.id, verdict: 'approve', comment: 'ok' });
            }
            done[o.op] = (done[o.op] ?? 0) + 1;
          } catch (e) {
            if (!(e instanceof AppError) || e.status >= 500) throw e;
          }
        }
        const broken = Object.entries(await brokenInvariants(database.db)).filter(
          ([, rows]) => rows.length > 0,
        );
        assert.deepEqual(broken, []);
      }),
      { numRuns: 60 },
    );
    // The property is only worth something if the operations mostly succeed; check they did happen.
    for (const op of ['order', 'approve', 'refund'] as const) {
      assert.ok((done[op] ?? 0) > 0, `no ${op} succeeded in any run: ${JSON.stringify(done)}`);
    }
    assert.ok(
      (done.settle ?? 0) + (done.void ?? 0) + (done.reject ?? 0) > 0,
      `no settle, void or reject: ${JSON.stringify(done)}`,
    );
  });
});
