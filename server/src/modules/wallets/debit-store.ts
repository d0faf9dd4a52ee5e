import { type Currency, newId } from '@kaidan/shared';
import { sql } from 'kysely';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { AccountCode } from '../ledger';
import type { OwnerType } from './wallet-store';

export interface DebitPosting {
  ref: { type: string; id: string };
  currency: Currency;
  amount: bigint;
  /** the vendor's accounts credited (migration 2026_12_02_0500 creates them); must sum to `amount` */
  credits: { code: AccountCode; amount: bigint }[];
  memo: string | null;
}

/**
 * ADR 0015: an auto-approved order's money in one statement, taken last in its transaction: the
 * conditional debit (R2: only if balance − held covers it), the hold row recorded as already captured,
 * and the capture entry Dr wallet / Cr revenue (+ pass-through payable). No row when the balance is short.
 */
export async function debitAndPost(
  ex: Exec,
  clock: Clock,
  owner: { ownerType: OwnerType; ownerId: string },
  d: DebitPosting,
): Promise<boolean> {
  const now = toDate(clock.now());
  const ms = clock.now().epochMilliseconds;
  const credits = d.credits
    .filter((c) => c.amount !== 0n)
    .map((c) => sql`(${c.code}::text, ${-c.amount}::bigint)`);
  const { rows } = await sql<{ id: string }>`with w as (
      update wallets set balance = balance - ${d.amount}, version = version + 1
      where owner_type = ${owner.ownerType} and owner_id = ${owner.ownerId} and currency = ${d.currency}
        and balance - held >= ${d.amount}
      returning id, account_id),
    h as (insert into holds (id, wallet_id, ref_type, ref_id, amount, state, created_at, settled_at)
      select ${newId('hld', ms)}, w.id, ${d.ref.type}, ${d.ref.id}, ${d.amount}, 'captured', ${now}, ${now}
      from w),
    j as (insert into journal_entries (id, kind, currency, ref_type, ref_id, memo, created_at)
      select ${newId('jnl', ms)}, 'capture', ${d.currency}, ${d.ref.type}, ${d.ref.id}, ${d.memo}, ${now}
      from w returning id),
    p as (insert into postings (entry_id, account_id, amount)
      select j.id, w.account_id, ${d.amount}::bigint from j, w
      union all
      select j.id, a.id, c.amount from j, (values ${sql.join(credits)}) as c (code, amount)
        join ledger_accounts a on a.code = c.code and a.currency = ${d.currency} and a.owner_id is null)
    select id from w`.execute(ex);
  return rows.length > 0;
}
