import type { Exec } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { RefNumbered } from '../../platform/numbering-store';
import { hasRole, type Principal } from '../../platform/principal';
import { accountLines, type LedgerLine, type LineFilter } from '../ledger';
import { companyVisibleTo } from '../parties';
import {
  activeHolds,
  type HoldRow,
  type ListedWallet,
  listAllWallets,
  type OwnerType,
  type WalletRow,
  walletById,
} from './wallet-store';

const WALLET = { zh: '钱包', en: 'Wallet' };

/**
 * Partners see their own wallets, customers the wallets of the companies in their scope (DESIGN §1: their
 * company and its subsidiaries); finance, order desk, sales and admins any.
 */
async function mayRead(
  ex: Exec,
  p: Principal,
  w: Pick<WalletRow, 'owner_type' | 'owner_id'>,
): Promise<boolean> {
  if (p.kind === 'partner') return w.owner_type === 'partner' && w.owner_id === p.partnerId;
  if (p.kind === 'customer') return w.owner_type === 'company' && (await companyVisibleTo(ex, p, w.owner_id));
  return hasRole(p, 'finance', 'admin', 'order_desk', 'sales');
}

type Owner = { ownerType: OwnerType; ownerId: string };
const ownOf = (p: Principal): Owner | undefined =>
  p.kind === 'partner' && p.partnerId
    ? { ownerType: 'partner', ownerId: p.partnerId }
    : p.kind === 'customer' && p.companyId
      ? { ownerType: 'company', ownerId: p.companyId }
      : undefined;

/** One owner's wallets; without an owner, a partner's or customer's own and, for staff, every wallet. */
export async function listWallets(deps: Deps, p: Principal, owner?: Owner): Promise<ListedWallet[]> {
  const wanted = owner ?? ownOf(p);
  const ex = deps.database.db;
  const allowed = wanted
    ? await mayRead(ex, p, { owner_type: wanted.ownerType, owner_id: wanted.ownerId })
    : p.kind !== 'partner' &&
      p.kind !== 'customer' &&
      (await mayRead(ex, p, { owner_type: 'partner', owner_id: '' }));
  return allowed ? listAllWallets(ex, wanted) : [];
}

async function readable(deps: Deps, p: Principal, id: string): Promise<WalletRow> {
  const w = await walletById(deps.database.db, id);
  if (!w || !(await mayRead(deps.database.db, p, w))) throw notFound(WALLET);
  return w;
}

export async function getWallet(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<{ wallet: WalletRow; holds: (HoldRow & RefNumbered)[] }> {
  const wallet = await readable(deps, p, id);
  return { wallet, holds: await activeHolds(deps.database.db, id) };
}

/** The wallet's ledger lines (postings on its account), filtered and sorted, one keyset page. */
export async function walletLedger(
  deps: Deps,
  p: Principal,
  id: string,
  f: LineFilter,
): Promise<{ wallet: WalletRow; lines: (LedgerLine & KeyedRow)[] }> {
  const wallet = await readable(deps, p, id);
  return { wallet, lines: await accountLines(deps.database.db, wallet.account_id, f) };
}
