import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { type AccountCode, ensureAccount, postEntry } from '../ledger';
import { settleHold } from './wallet-store';

export interface CaptureInput {
  ref: { type: string; id: string };
  currency: Currency;
  /** where the captured money goes, e.g. revenue and pass-through payable; must sum to the hold */
  credits: { code: AccountCode; amount: bigint }[];
  memo?: string;
}

/** Capture the reference's hold: Dr wallet / Cr revenue (+ pass-through payable). */
export async function captureFunds(ex: Exec, clock: Clock, c: CaptureInput): Promise<bigint | null> {
  const hold = await settleHold(ex, clock, c.ref, 'captured');
  if (!hold) return null;
  const total = c.credits.reduce((s, x) => s + x.amount, 0n);
  if (total !== hold.amount) throw new Error(`capture credits ${total} differ from hold ${hold.amount}`);
  const postings = [{ accountId: hold.account_id, amount: hold.amount }];
  for (const cr of c.credits) {
    if (cr.amount === 0n) continue;
    postings.push({
      accountId: await ensureAccount(ex, clock, cr.code, c.currency, null),
      amount: -cr.amount,
    });
  }
  await postEntry(ex, clock, {
    kind: 'capture',
    currency: c.currency,
    refType: c.ref.type,
    refId: c.ref.id,
    ...(c.memo ? { memo: c.memo } : {}),
    postings,
  });
  return hold.amount;
}

/** Give the reference's hold back (reject, void). */
export async function releaseFunds(
  ex: Exec,
  clock: Clock,
  ref: { type: string; id: string },
): Promise<bigint | null> {
  const hold = await settleHold(ex, clock, ref, 'released');
  return hold?.amount ?? null;
}
