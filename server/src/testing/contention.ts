import { findWallet } from '../modules/wallets';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { brokenInvariants } from './invariant-store';

export interface Contention {
  /** the wallet under contention (a partner's, in CNY) */
  partnerId: string;
  /** what one attempt holds, and how many fit in the available balance */
  each: bigint;
  room: number;
  attempts: number;
}

/**
 * The suite's contention check (R2): `attempts` concurrent holds of `each` against a wallet with room for
 * exactly `room`. Returns what broke — more granted than fit, a refusal other than R2's, the wallet's held
 * not Σ granted, a DESIGN §4 invariant — so a correct path returns [] and a read-then-write one does not.
 */
export async function contentionBreaks(
  db: Db,
  c: Contention,
  attempt: (i: number) => Promise<unknown>,
): Promise<{ broken: string[]; granted: number }> {
  const results = await Promise.allSettled(Array.from({ length: c.attempts }, (_, i) => attempt(i)));
  const granted = results.filter((r) => r.status === 'fulfilled').length;
  const broken: string[] = [];
  if (granted !== c.room) broken.push(`granted ${granted} holds where ${c.room} fit`);
  for (const r of results) {
    if (r.status === 'rejected' && !(r.reason instanceof AppError && r.reason.code === 'INSUFFICIENT_FUNDS'))
      broken.push(`refused with ${String(r.reason)}`);
  }
  const w = await findWallet(db, 'partner', c.partnerId, 'CNY');
  if (w?.held !== c.each * BigInt(granted))
    broken.push(`wallet held ${w?.held} ≠ Σ granted ${c.each * BigInt(granted)}`);
  if (w && w.balance - w.held < 0n) broken.push(`available ${w.balance - w.held} < 0`);
  for (const [name, rows] of Object.entries(await brokenInvariants(db))) {
    if (rows.length > 0) broken.push(`invariant ${name}: ${rows.length} rows`);
  }
  return { broken, granted };
}
