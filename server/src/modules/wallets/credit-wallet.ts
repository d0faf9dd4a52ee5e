import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { type AccountCode, ensureAccount, postEntry } from '../ledger';
import { openWallet } from './open-wallet';
import { addToBalance, type OwnerType } from './wallet-store';

export interface CreditInput {
  ownerType: OwnerType;
  ownerId: string;
  currency: Currency;
  amount: bigint;
  /** 'topup' | 'refund' | 'settled_offline' */
  kind: string;
  /** the account debited: offline cash for a top-up, revenue for a refund, offline settlement for R27 */
  from: AccountCode;
  ref: { type: string; id: string };
  memo?: string;
}

/** Dr `from` / Cr wallet, and the cached balance rises by the same amount in the same transaction. */
export async function creditWallet(ex: Exec, clock: Clock, c: CreditInput): Promise<string> {
  const wallet = await openWallet(ex, clock, c.ownerType, c.ownerId, c.currency);
  const fromId = await ensureAccount(ex, clock, c.from, c.currency, null);
  const entryId = await postEntry(ex, clock, {
    kind: c.kind,
    currency: c.currency,
    refType: c.ref.type,
    refId: c.ref.id,
    ...(c.memo ? { memo: c.memo } : {}),
    postings: [
      { accountId: fromId, amount: c.amount },
      { accountId: wallet.account_id, amount: -c.amount },
    ],
  });
  await addToBalance(ex, wallet.id, c.amount);
  return entryId;
}
