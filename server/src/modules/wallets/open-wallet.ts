import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { ensureAccount } from '../ledger';
import { findWallet, insertWallet, type OwnerType, type WalletRow } from './wallet-store';

/** The owner's wallet in a currency, opened with its ledger account on first use. */
export async function openWallet(
  ex: Exec,
  clock: Clock,
  ownerType: OwnerType,
  ownerId: string,
  currency: Currency,
): Promise<WalletRow> {
  const found = await findWallet(ex, ownerType, ownerId, currency);
  if (found) return found;
  const accountId = await ensureAccount(ex, clock, 'wallet', currency, ownerId);
  return insertWallet(ex, clock, { ownerType, ownerId, currency, accountId });
}
