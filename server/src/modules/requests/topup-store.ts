import type { Currency } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

export interface TopupRow {
  request_id: string;
  wallet_owner_type: 'partner' | 'company';
  wallet_owner_id: string;
  company_id: string | null;
  payer: string;
  currency: Currency;
  amount: bigint;
  bank_ref: string;
}

/** A top-up as answers show it: with the name (and a partner's code) of the wallet it credits. */
export type NamedTopupRow = TopupRow & { wallet_owner_name: string; wallet_owner_code: string | null };

export interface TopupFields {
  walletOwnerType: 'partner' | 'company';
  walletOwnerId: string;
  companyId: string | null;
  payer: string;
  currency: Currency;
  amount: bigint;
  bankRef: string;
}

export async function insertTopup(ex: Exec, requestId: string, t: TopupFields): Promise<void> {
  await sql`insert into topups (request_id, wallet_owner_type, wallet_owner_id, company_id, payer, currency, amount, bank_ref)
    values (${requestId}, ${t.walletOwnerType}, ${t.walletOwnerId}, ${t.companyId}, ${t.payer}, ${t.currency},
      ${t.amount}, ${t.bankRef})`.execute(ex);
}

export async function updateTopup(
  ex: Exec,
  requestId: string,
  t: Partial<Pick<TopupFields, 'payer' | 'currency' | 'amount' | 'bankRef'>>,
): Promise<void> {
  await sql`update topups set payer = coalesce(${t.payer ?? null}, payer),
      currency = coalesce(${t.currency ?? null}, currency), amount = coalesce(${t.amount ?? null}::int8, amount),
      bank_ref = coalesce(${t.bankRef ?? null}, bank_ref) where request_id = ${requestId}`.execute(ex);
}

export async function topupsOf(ex: Exec, requestIds: string[]): Promise<NamedTopupRow[]> {
  if (requestIds.length === 0) return [];
  const { rows } =
    await sql<NamedTopupRow>`select t.request_id, t.wallet_owner_type, t.wallet_owner_id, t.company_id,
      t.payer, t.currency, t.amount, t.bank_ref,
      coalesce(pt.name_zh, c.name_zh, t.wallet_owner_id) as wallet_owner_name, pt.code as wallet_owner_code
    from topups t left join partners pt on t.wallet_owner_type = 'partner' and pt.id = t.wallet_owner_id
      left join companies c on t.wallet_owner_type = 'company' and c.id = t.wallet_owner_id
    where t.request_id in (${sql.join(requestIds)})`.execute(ex);
  return rows;
}
