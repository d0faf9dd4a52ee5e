import { type Currency, newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
import { refNumber } from '../../platform/numbering-store';

export type AccountCode =
  | 'wallet'
  | 'offline_cash'
  | 'revenue'
  | 'pass_through_payable'
  | 'offline_settlement'
  // issue #12: money received through a payment provider (online top-ups), owed to us by the provider
  | 'provider_clearing'
  // issue #12, R35: approved provider refunds owed to payers until the provider's money arrives back
  | 'refunds_payable';

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
  /** the number of the order or request the entry is for */
  ref_number: string | null;
  memo: string | null;
  amount: bigint;
  created_at: Date;
}

export interface LineFilter {
  kind?: string | undefined;
  /** reference id or number, or memo */
  q?: string | undefined;
  /** business dates (Asia/Shanghai), inclusive */
  from?: string | undefined;
  to?: string | undefined;
  sort?: LineSort | undefined;
  after?: string | undefined;
  limit: number;
}

export type LineSort = SortParam<'at' | 'amount'>;
const LINE_SORT: Sortable<'at' | 'amount'> = {
  at: { expr: sql`e.created_at`, type: 'timestamptz' },
  // From the holder's side: postings are debit-positive, so money in (a credit) sorts high.
  amount: { expr: sql`(-p.amount)`, type: 'int8' },
};
const POSTING_ID = { expr: sql`p.id`, type: 'int8' } as const;

/** An account's lines with keyset pagination on (sort column, posting id). */
export async function accountLines(
  ex: Exec,
  accountId: string,
  f: LineFilter,
): Promise<(LedgerLine & KeyedRow)[]> {
  const page = keyset('ledger', LINE_SORT, POSTING_ID, f.sort ?? '-at', f.after);
  const conds = [sql`p.account_id = ${accountId}`, page.where];
  if (f.kind) conds.push(sql`e.kind = ${f.kind}`);
  conds.push(...onBusinessDates(sql`e.created_at`, f.from, f.to));
  const number = refNumber(sql`e.ref_type`, sql`e.ref_id`);
  conds.push(...textMatch(f.q, [sql`e.ref_id`, sql`coalesce(e.memo, '')`, sql`coalesce(${number}, '')`]));
  const { rows } = await sql<LedgerLine & KeyedRow>`select e.id as entry_id, e.kind, e.ref_type, e.ref_id,
      ${number} as ref_number, e.memo, p.amount, e.created_at, ${page.select}
    from postings p join journal_entries e on e.id = p.entry_id
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
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
