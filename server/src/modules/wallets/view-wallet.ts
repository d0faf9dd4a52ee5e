import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { hasRole, type Principal } from '../../platform/principal';
import { accountLines, type LedgerLine } from '../ledger';
import {
  activeHolds,
  type HoldRow,
  type OwnerType,
  type WalletRow,
  walletById,
  walletsOf,
} from './wallet-store';

const WALLET = { zh: '钱包', en: 'Wallet' };

/** Partners see their own wallets, customers their company's; finance, order desk, sales and admins any. */
function mayRead(p: Principal, w: Pick<WalletRow, 'owner_type' | 'owner_id'>): boolean {
  if (p.kind === 'partner') return w.owner_type === 'partner' && w.owner_id === p.partnerId;
  if (p.kind === 'customer') return w.owner_type === 'company' && w.owner_id === p.companyId;
  return hasRole(p, 'finance', 'admin', 'order_desk', 'sales');
}

export async function listWallets(
  deps: Deps,
  p: Principal,
  ownerType: OwnerType,
  ownerId: string,
): Promise<WalletRow[]> {
  if (!mayRead(p, { owner_type: ownerType, owner_id: ownerId })) return [];
  return walletsOf(deps.database.db, ownerType, ownerId);
}

async function readable(deps: Deps, p: Principal, id: string): Promise<WalletRow> {
  const w = await walletById(deps.database.db, id);
  if (!w || !mayRead(p, w)) throw notFound(WALLET);
  return w;
}

export async function getWallet(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<{ wallet: WalletRow; holds: HoldRow[] }> {
  const wallet = await readable(deps, p, id);
  return { wallet, holds: await activeHolds(deps.database.db, id) };
}

/** The wallet's ledger lines (postings on its account), newest first. */
export async function walletLedger(
  deps: Deps,
  p: Principal,
  id: string,
  limit: number,
  after?: string,
): Promise<{ wallet: WalletRow; lines: LedgerLine[] }> {
  const wallet = await readable(deps, p, id);
  return { wallet, lines: await accountLines(deps.database.db, wallet.account_id, limit, after) };
}
