import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { type DebitPosting, debitAndPost } from './debit-store';
import { shortOfFunds } from './hold-funds';
import type { OwnerType } from './wallet-store';

/**
 * R2 for an order approved in the transaction that places it: debit and capture at once, with no hold
 * left between the two (ADR 0015). Call it last, so the wallet row is locked only until COMMIT.
 */
export async function debitFunds(
  ex: Exec,
  clock: Clock,
  owner: { ownerType: OwnerType; ownerId: string },
  d: DebitPosting,
): Promise<void> {
  const total = d.credits.reduce((s, c) => s + c.amount, 0n);
  if (total !== d.amount) throw new Error(`debit credits ${total} differ from the amount ${d.amount}`);
  if (await debitAndPost(ex, clock, owner, d)) return;
  throw await shortOfFunds(ex, { ...owner, currency: d.currency, amount: d.amount });
}
