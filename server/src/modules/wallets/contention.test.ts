import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentionBreaks } from '../../testing/contention';
import { naiveHold } from '../../testing/naive-hold-store';
import { scenario } from '../../testing/scenario';
import { ENGINE, useTestDatabase } from '../../testing/test-db';
import { freshParty, fund, P, W } from '../../testing/world';
import { approveOrder } from '../orders';
import { findWallet } from '.';

const each = 36_500n; // 1 edition seat for a year
const initial = each * 10n + each / 2n; // room for exactly 10

describe('contention', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);

  it('R2 64 concurrent orders against one wallet never overdraw; balance = initial − Σ captured', async () => {
    await fund(database.db, clock, W.partnerA, initial, 'contention');
    const placed: { id: string }[] = [];
    const { broken } = await contentionBreaks(
      database.db,
      { partnerId: W.partnerA, each, room: 10, attempts: 64 },
      async () => {
        const o = await order(P.agentA, {
          orderType: 'new',
          lines: [{ planId: W.edition, seats: 1, duration: { unit: 'year', value: 1 } }],
        });
        placed.push(o);
      },
    );
    assert.deepEqual(broken, []);
    await Promise.all(placed.map((o) => approveOrder(deps, P.desk, o.id)));
    const w = await findWallet(database.db, 'partner', W.partnerA, 'CNY');
    assert.equal(w?.balance, initial - each * 10n);
    assert.equal(w?.held, 0n);
  });

  it('R2 the contention check catches a read-then-write debit', {
    skip: ENGINE === 'pglite' && 'PGlite runs one transaction at a time, so no race can happen there',
  }, async () => {
    // A wallet of its own, so the invariants the check reads are broken only by the naive path.
    const { partner } = await freshParty(database.db, 1);
    const partnerId = partner.partnerId ?? '';
    await fund(database.db, clock, partnerId, initial, 'naive');
    const { broken, granted } = await contentionBreaks(
      database.db,
      { partnerId, each, room: 10, attempts: 64 },
      (i) =>
        naiveHold(database.db, clock, {
          ownerType: 'partner',
          ownerId: partnerId,
          currency: 'CNY',
          amount: each,
          ref: { type: 'test', id: `naive-${i}` },
        }),
    );
    assert.ok(granted > 10, `the naive path overdraws: ${granted} holds granted where 10 fit`);
    assert.notDeepEqual(broken, [], 'the check that the real path passes fails for the naive one');
    assert.ok(broken.some((b) => b.startsWith('invariant holdCacheDrift')));
  });
});
