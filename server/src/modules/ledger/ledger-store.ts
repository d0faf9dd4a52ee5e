import { type Currency, newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';

export type AccountCode =
  | 'wallet'
  | 'offline_cash'
  | 'revenue'
  | 'pass_through_payable'
  | 'offline_settlement';

export interface Posting {
  accountId: string;
  /** debit positive, credit negative */
  amount: bigint;
}

export interface EntryInput {
  kind: string;
  currency: Currency;
  refType: string;
  refId: string;
  memo?: string;
  postings: Posting[];
}

/** The account's id, created on first use; concurrent first uses converge on one row. */
export async function ensureAccount(
  ex: Exec,
  clock: Clock,
  code: AccountCode,
  currency: Currency,
  ownerId: string | null,
): Promise<string> {
  const id = newId('acc', clock.now().epochMilliseconds);
  const { rows } = await sql<{ id: string }>`with ins as (
      insert into ledger_accounts (id, code, currency, owner_id, created_at)
      values (${id}, ${code}, ${currency}, ${ownerId}, ${toDate(clock.now())})
      on conflict (code, currency, coalesce(owner_id, '')) do nothing returning id)
    select id from ins union all
    select id from ledger_accounts where code = ${code} and currency = ${currency}
      and coalesce(owner_id, '') = ${ownerId ?? ''}
    limit 1`.execute(ex);
  const row = rows[0];
  if (!row) throw new Error(`account ${code}/${currency} not created`);
  return row.id;
}

/** Two statements; the deferred trigger refuses the commit if the postings do not balance. */
export async function postEntry(ex: Exec, clock: Clock, e: EntryInput): Promise<string> {
  const id = newId('jnl', clock.now().epochMilliseconds);
  await sql`insert into journal_entries (id, kind, currency, ref_type, ref_id, memo, created_at)
    values (${id}, ${e.kind}, ${e.currency}, ${e.refType}, ${e.refId}, ${e.memo ?? null},
      ${toDate(clock.now())})`.execute(ex);
  const values = e.postings
    .filter((p) => p.amount !== 0n)
    .map((p) => sql`(${id}, ${p.accountId}, ${p.amount})`);
  if (values.length > 0) {
    await sql`insert into postings (entry_id, account_id, amount) values ${sql.join(values)}`.execute(ex);
  }
  return id;
}

/** Σ postings of an account (debit positive). */
export async function accountSum(ex: Exec, accountId: string): Promise<bigint> {
  const { rows } = await sql<{ sum: bigint }>`select coalesce(sum(amount), 0)::int8 as sum
    from postings where account_id = ${accountId}`.execute(ex);
  return rows[0]?.sum ?? 0n;
}

export interface LedgerLine {
  entry_id: string;
  kind: string;
  ref_type: string;
  ref_id: string;
  memo: string | null;
  amount: bigint;
  created_at: Date;
}

/** An account's lines, newest first, with keyset pagination on (created_at, entry id). */
export async function accountLines(
  ex: Exec,
  accountId: string,
  limit: number,
  before?: string,
): Promise<LedgerLine[]> {
  const { rows } = await sql<LedgerLine>`select e.id as entry_id, e.kind, e.ref_type, e.ref_id, e.memo,
      p.amount, e.created_at
    from postings p join journal_entries e on e.id = p.entry_id
    where p.account_id = ${accountId} ${before ? sql`and e.id < ${before}` : sql``}
    order by e.id desc limit ${limit}`.execute(ex);
  return rows;
}

/** Invariant 1 checker for tests and `kaidan check`: entries whose postings do not sum to zero. */
export async function unbalancedEntries(ex: Exec): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`select e.id from journal_entries e
    left join postings p on p.entry_id = e.id group by e.id having coalesce(sum(p.amount), 0) <> 0`.execute(
    ex,
  );
  return rows.map((r) => r.id);
}
