import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { FakeClock } from '../../platform/clock';
import { AppError } from '../../platform/errors';
import { useTestDatabase } from '../../testing/test-db';
import { accountSum, ensureAccount, postEntry, unbalancedEntries } from '../ledger';
import { captureFunds, creditWallet, findWallet, holdFunds, releaseFunds } from '.';

describe('ledger and wallets', async () => {
  const { db } = await useTestDatabase();
  const clock = new FakeClock();
  const owner = { ownerType: 'partner' as const, ownerId: 'prt_wallet_test', currency: 'CNY' as const };
  const topUp = (amount: bigint, id: string) =>
    db.transaction().execute((tx) =>
      creditWallet(tx, clock, {
        ...owner,
        amount,
        kind: 'topup',
        from: 'offline_cash',
        ref: { type: 'topup', id },
      }),
    );

  it('invariant 1: an unbalanced entry is refused at commit', async () => {
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        const a = await ensureAccount(tx, clock, 'revenue', 'CNY', null);
        const b = await ensureAccount(tx, clock, 'offline_cash', 'CNY', null);
        await postEntry(tx, clock, {
          kind: 'test',
          currency: 'CNY',
          refType: 't',
          refId: 'x',
          postings: [
            { accountId: a, amount: 100n },
            { accountId: b, amount: -99n },
          ],
        });
      }),
      /does not balance/,
    );
    assert.deepEqual(await unbalancedEntries(db), []);
  });

  it('invariant 1: postings are append-only', async () => {
    await topUp(1_000n, 'tp_append');
    await assert.rejects(sql`update postings set amount = amount + 1`.execute(db), /append-only/);
    await assert.rejects(sql`delete from postings`.execute(db), /append-only/);
  });

  it('R2 hold, capture and release keep balance = −Σ postings and available ≥ 0', async () => {
    await topUp(100_000n, 'tp_r2');
    const w0 = await findWallet(db, owner.ownerType, owner.ownerId, 'CNY');
    assert.ok(w0);
    await db
      .transaction()
      .execute((tx) => holdFunds(tx, clock, { ...owner, amount: 30_000n, ref: { type: 'order', id: 'o1' } }));
    await db
      .transaction()
      .execute((tx) => holdFunds(tx, clock, { ...owner, amount: 20_000n, ref: { type: 'order', id: 'o2' } }));
    const captured = await db.transaction().execute((tx) =>
      captureFunds(tx, clock, {
        ref: { type: 'order', id: 'o1' },
        currency: 'CNY',
        credits: [
          { code: 'revenue', amount: 25_000n },
          { code: 'pass_through_payable', amount: 5_000n },
        ],
      }),
    );
    assert.equal(captured, 30_000n);
    assert.equal(
      await db.transaction().execute((tx) => releaseFunds(tx, clock, { type: 'order', id: 'o2' })),
      20_000n,
    );
    // A second settle of the same hold finds nothing: a void racing an approval cannot double-settle.
    assert.equal(
      await db.transaction().execute((tx) => releaseFunds(tx, clock, { type: 'order', id: 'o1' })),
      null,
    );
    const w = await findWallet(db, owner.ownerType, owner.ownerId, 'CNY');
    assert.ok(w);
    assert.equal(w.balance, w0.balance - 30_000n);
    assert.equal(w.held, 0n);
    assert.equal(-(await accountSum(db, w.account_id)), w.balance);
  });

  it('R2 a short wallet refuses with available, holds and shortfall', async () => {
    const w = await findWallet(db, owner.ownerType, owner.ownerId, 'CNY');
    assert.ok(w);
    await db
      .transaction()
      .execute((tx) => holdFunds(tx, clock, { ...owner, amount: 1_000n, ref: { type: 'order', id: 'o3' } }));
    const need = w.balance; // 1,000 of it is held, so available is 1,000 short
    const err = await db
      .transaction()
      .execute((tx) => holdFunds(tx, clock, { ...owner, amount: need, ref: { type: 'order', id: 'o4' } }))
      .then(
        () => null,
        (e: unknown) => e,
      );
    assert.ok(err instanceof AppError);
    assert.equal(err.code, 'INSUFFICIENT_FUNDS');
    assert.equal(err.details.holds, '10.00');
    assert.equal(err.details.shortfall, '10.00');
    assert.equal(err.details.available, `${((w.balance - 1_000n) / 100n).toString()}.00`);
    assert.match(err.text.zh, /还差 10\.00 CNY/);
  });
});
