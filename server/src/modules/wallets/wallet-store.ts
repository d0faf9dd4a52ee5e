import { type Currency, newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { type RefNumbered, refNumber } from '../../platform/numbering-store';

export type OwnerType = 'partner' | 'company';

export interface WalletRow {
  id: string;
  owner_type: OwnerType;
  owner_id: string;
  currency: Currency;
  account_id: string;
  balance: bigint;
  held: bigint;
  version: number;
}

export interface HoldRow {
  id: string;
  wallet_id: string;
  ref_type: string;
  ref_id: string;
  amount: bigint;
  state: 'active' | 'captured' | 'released';
  created_at: Date;
}

const COLS = sql`id, owner_type, owner_id, currency, account_id, balance, held, version`;

export async function findWallet(
  ex: Exec,
  ownerType: OwnerType,
  ownerId: string,
  currency: Currency,
): Promise<WalletRow | undefined> {
  const { rows } = await sql<WalletRow>`select ${COLS} from wallets
    where owner_type = ${ownerType} and owner_id = ${ownerId} and currency = ${currency}`.execute(ex);
  return rows[0];
}

export async function walletsOf(ex: Exec, ownerType: OwnerType, ownerId: string): Promise<WalletRow[]> {
  const { rows } = await sql<WalletRow>`select ${COLS} from wallets
    where owner_type = ${ownerType} and owner_id = ${ownerId} order by currency`.execute(ex);
  return rows;
}

export type ListedWallet = WalletRow & { owner_name: string; owner_code: string | null };

/** Every wallet, or one owner type's, with the owner's name for a picker; partners first, by name. */
export async function listAllWallets(
  ex: Exec,
  only?: { ownerType: OwnerType; ownerId: string },
): Promise<ListedWallet[]> {
  const { rows } = await sql<ListedWallet>`select w.id, w.owner_type, w.owner_id, w.currency, w.account_id,
      w.balance, w.held, w.version, coalesce(pt.name_zh, c.name_zh, w.owner_id) as owner_name,
      pt.code as owner_code
    from wallets w left join partners pt on w.owner_type = 'partner' and pt.id = w.owner_id
      left join companies c on w.owner_type = 'company' and c.id = w.owner_id
    where ${only ? sql`w.owner_type = ${only.ownerType} and w.owner_id = ${only.ownerId}` : sql`true`}
    order by w.owner_type desc, owner_name, w.currency`.execute(ex);
  return rows;
}

export async function walletById(ex: Exec, id: string): Promise<WalletRow | undefined> {
  const { rows } = await sql<WalletRow>`select ${COLS} from wallets where id = ${id}`.execute(ex);
  return rows[0];
}

/** Creates the wallet if missing (racing creators converge on one row) and returns it. */
export async function insertWallet(
  ex: Exec,
  clock: Clock,
  w: { ownerType: OwnerType; ownerId: string; currency: Currency; accountId: string },
): Promise<WalletRow> {
  const id = newId('wal', clock.now().epochMilliseconds);
  await sql`insert into wallets (id, owner_type, owner_id, currency, account_id, created_at)
    values (${id}, ${w.ownerType}, ${w.ownerId}, ${w.currency}, ${w.accountId}, ${toDate(clock.now())})
    on conflict (owner_type, owner_id, currency) do nothing`.execute(ex);
  const row = await findWallet(ex, w.ownerType, w.ownerId, w.currency);
  if (!row) throw new Error('wallet not created');
  return row;
}

/** R2: one conditional statement reserves the amount only if balance − held covers it. */
export async function tryHold(
  ex: Exec,
  clock: Clock,
  owner: { ownerType: OwnerType; ownerId: string; currency: Currency },
  amount: bigint,
  ref: { type: string; id: string },
): Promise<string | null> {
  const id = newId('hld', clock.now().epochMilliseconds);
  const { rows } = await sql<{ id: string }>`with w as (
      update wallets set held = held + ${amount}, version = version + 1
      where owner_type = ${owner.ownerType} and owner_id = ${owner.ownerId} and currency = ${owner.currency}
        and balance - held >= ${amount} returning id)
    insert into holds (id, wallet_id, ref_type, ref_id, amount, created_at)
    select ${id}, w.id, ${ref.type}, ${ref.id}, ${amount}, ${toDate(clock.now())} from w
    returning id`.execute(ex);
  return rows[0]?.id ?? null;
}

export interface SettledHold {
  wallet_id: string;
  account_id: string;
  amount: bigint;
}

/**
 * Moves the active hold of a reference to captured (balance and held both drop) or released (held
 * drops); one statement, so a concurrent void and approval cannot both settle it.
 */
export async function settleHold(
  ex: Exec,
  clock: Clock,
  ref: { type: string; id: string },
  to: 'captured' | 'released',
): Promise<SettledHold | undefined> {
  const debit = to === 'captured' ? sql`h.amount` : sql`0`;
  const { rows } = await sql<SettledHold>`with h as (
      update holds set state = ${to}, settled_at = ${toDate(clock.now())}
      where ref_type = ${ref.type} and ref_id = ${ref.id} and state = 'active'
      returning wallet_id, amount)
    update wallets w set balance = w.balance - ${debit}, held = w.held - h.amount, version = w.version + 1
    from h where w.id = h.wallet_id
    returning w.id as wallet_id, w.account_id, h.amount`.execute(ex);
  return rows[0];
}

export async function addToBalance(ex: Exec, walletId: string, amount: bigint): Promise<void> {
  await sql`update wallets set balance = balance + ${amount}, version = version + 1
    where id = ${walletId}`.execute(ex);
}

/** The wallet's active holds, each with the number of what it holds for (an order's SO-…). */
export async function activeHolds(ex: Exec, walletId: string): Promise<(HoldRow & RefNumbered)[]> {
  const { rows } = await sql<HoldRow & RefNumbered>`select id, wallet_id, ref_type, ref_id, amount, state,
      created_at, ${refNumber(sql`ref_type`, sql`ref_id`)} as ref_number
    from holds where wallet_id = ${walletId} and state = 'active' order by created_at`.execute(ex);
  return rows;
}

export async function holdsOfRef(ex: Exec, ref: { type: string; id: string }): Promise<HoldRow[]> {
  const { rows } = await sql<HoldRow>`select id, wallet_id, ref_type, ref_id, amount, state, created_at
    from holds where ref_type = ${ref.type} and ref_id = ${ref.id} order by created_at`.execute(ex);
  return rows;
}
