import { newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { findWallet, type HoldInput } from '../modules/wallets';
import { type Clock, toDate } from '../platform/clock';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/errors';

// TEST ONLY: the bug class the contention suite exists to catch. It reads the wallet, decides in
// JavaScript, then writes the value it computed, so concurrent holds lose each other's updates and
// overdraw. Never import this outside tests; the real path is `holdFunds` (one conditional UPDATE).
export async function naiveHold(db: Db, clock: Clock, h: HoldInput): Promise<string> {
  return db.transaction().execute(async (tx) => {
    const w = await findWallet(tx, h.ownerType, h.ownerId, h.currency);
    if (!w || w.balance - w.held < h.amount) {
      throw new AppError({
        status: 422,
        code: 'INSUFFICIENT_FUNDS',
        message: { zh: '钱包可用余额不足', en: 'Wallet available balance is short' },
      });
    }
    // The time a real request spends between its read and its write (pricing, numbering, audit).
    await new Promise((resolve) => setTimeout(resolve, 5));
    const id = newId('hld', clock.now().epochMilliseconds);
    await sql`update wallets set held = ${w.held + h.amount}, version = version + 1 where id = ${w.id}`.execute(
      tx,
    );
    await sql`insert into holds (id, wallet_id, ref_type, ref_id, amount, created_at)
      values (${id}, ${w.id}, ${h.ref.type}, ${h.ref.id}, ${h.amount}, ${toDate(clock.now())})`.execute(tx);
    return id;
  });
}
