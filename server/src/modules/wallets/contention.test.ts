import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors';
import { brokenInvariants } from '../../testing/invariant-store';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder } from '../orders';
import { findWallet } from '.';

describe('contention', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);

  it('R2 64 concurrent orders against one wallet never overdraw; balance = initial − Σ captured', async () => {
    const each = 36_500n; // 1 edition seat for a year
    const initial = each * 10n + each / 2n; // room for exactly 10
    await fund(database.db, clock, W.partnerA, initial, 'contention');
    const results = await Promise.allSettled(
      Array.from({ length: 64 }, () =>
        order(P.agentA, {
          orderType: 'new',
          lines: [{ planId: W.edition, seats: 1, duration: { unit: 'year', value: 1 } }],
        }),
      ),
    );
    const placed = results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    assert.equal(placed.length, 10);
    assert.ok(
      refused.every((e) => e instanceof AppError && e.code === 'INSUFFICIENT_FUNDS'),
      'every refusal is a clean R2 refusal',
    );
    const held = await findWallet(database.db, 'partner', W.partnerA, 'CNY');
    assert.equal(held?.held, each * 10n);
    await Promise.all(placed.map((o) => approveOrder(deps, P.desk, o.id)));
    const w = await findWallet(database.db, 'partner', W.partnerA, 'CNY');
    assert.equal(w?.balance, initial - each * 10n);
    assert.equal(w?.held, 0n);
    assert.deepEqual(Object.values(await brokenInvariants(database.db)).flat(), []);
  });
});
