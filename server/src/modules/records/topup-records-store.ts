import type { Currency, PaymentMethodName, TopupChannel, TopupRecordState } from '@kaidan/shared';
import { type RawBuilder, sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { type KeyedRow, keyset, onBusinessDates, type Sortable, textMatch } from '../../platform/keyset';
import { hasRole, type Principal } from '../../platform/principal';
import { inCompanyScope } from '../parties';
import { companyFilter, scopeOnCompany } from './records-store';
import type { CompanyWhere, RecordFilter } from './records-where';

// 充值记录 (seed 003, R26): online top-up attempts and offline applications filed to finance in one list,
// settled and pending. Drafts are sales's working copies, not top-ups yet, and are left out.

export interface TopupRecordRow {
  id: string;
  channel: TopupChannel;
  number: string;
  state: TopupRecordState;
  status: string;
  wallet_owner_type: 'partner' | 'company';
  wallet_owner_id: string;
  wallet_owner_name: string;
  company_id: string | null;
  partner_id: string | null;
  payment_method: PaymentMethodName;
  currency: Currency;
  amount: bigint;
  at: Date;
  settled_at: Date | null;
}
export type TopupRecordListRow = TopupRecordRow & KeyedRow;

// One state word for both sources: credited is settled; abandoned, failed, declined or withdrawn is closed.
const RECORDS = sql`select a.id, 'online'::text as channel, a.merchant_order_no as number,
    case a.state when 'pending' then 'pending' when 'paid' then 'settled' else 'closed' end as state,
    a.state as status, a.owner_type as wallet_owner_type, a.owner_id as wallet_owner_id,
    a.provider as payment_method, a.currency, a.amount, a.created_at as at, a.paid_at as settled_at
  from payment_attempts a where a.purpose = 'topup'
  union all
  select r.id, 'offline', r.number,
    case when r.state = 'approved' then 'settled' when r.state in ('declined', 'withdrawn') then 'closed'
      else 'pending' end,
    r.state, t.wallet_owner_type, t.wallet_owner_id, 'offline', t.currency, t.amount, r.submitted_at,
    case when r.state = 'approved' then r.decided_at end
  from requests r join topups t on t.request_id = r.id
  where r.category = 'topup' and r.state <> 'draft' and r.submitted_at is not null`;

/**
 * Whose top-ups, as for wallets and online top-ups (payments' attemptScope): a partner's agents their
 * partner's wallet, customer users their company tree's wallets, finance, order desk, sales and admins any
 * (a company-scoped one its tree's, ADR 0023), tech support none.
 */
function scope(p: Principal): RawBuilder<unknown> {
  if (p.kind === 'partner')
    return sql`t.wallet_owner_type = 'partner' and t.wallet_owner_id = ${p.partnerId}`;
  if (p.kind === 'customer')
    return sql`t.wallet_owner_type = 'company' and ${inCompanyScope(p, sql.ref('t.wallet_owner_id'))}`;
  if (!hasRole(p, 'finance', 'admin', 'order_desk', 'sales')) return sql`false`;
  return scopeOnCompany(p, sql.ref('t.company_id'));
}

type TopupSortKey = 'at' | 'amount';
const SORT: Sortable<TopupSortKey> = {
  at: { expr: sql`t.at`, type: 'timestamptz' },
  amount: { expr: sql`t.amount`, type: 'int8' },
};

export interface TopupRecordFilter extends RecordFilter<TopupSortKey> {
  state?: TopupRecordState | undefined;
  channel?: TopupChannel | undefined;
}

export async function listTopupRecords(
  ex: Exec,
  p: Principal,
  w: CompanyWhere,
  f: TopupRecordFilter,
): Promise<TopupRecordListRow[]> {
  const k = keyset('topup_records', SORT, { expr: sql`t.id`, type: 'text' }, f.sort, f.after);
  const conds = [scope(p), k.where, ...companyFilter(sql`t.company_id`, w)];
  if (f.partnerId) conds.push(sql`t.partner_id = ${f.partnerId}`);
  if (f.state) conds.push(sql`t.state = ${f.state}`);
  if (f.channel) conds.push(sql`t.channel = ${f.channel}`);
  if (f.paymentMethod) conds.push(sql`t.payment_method = ${f.paymentMethod}`);
  if (f.currency) conds.push(sql`t.currency = ${f.currency}`);
  conds.push(...onBusinessDates(sql`t.at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`t.number`, sql`t.wallet_owner_name`]));
  const { rows } = await sql<TopupRecordListRow>`select t.*, ${k.select} from (
      select u.*, coalesce(pt.name_zh, c.name_zh, u.wallet_owner_id) as wallet_owner_name,
        case when u.wallet_owner_type = 'company' then u.wallet_owner_id end as company_id,
        case when u.wallet_owner_type = 'partner' then u.wallet_owner_id else c.partner_id end as partner_id
      from (${RECORDS}) u
        left join partners pt on u.wallet_owner_type = 'partner' and pt.id = u.wallet_owner_id
        left join companies c on u.wallet_owner_type = 'company' and c.id = u.wallet_owner_id) t
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
