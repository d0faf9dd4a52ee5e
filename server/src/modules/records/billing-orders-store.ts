import type { BillingOrderType, Currency, PaymentMethodName } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import { type KeyedRow, keyset, onBusinessDates, type Sortable, textMatch } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { companyFilter, scopeOnCompany } from './records-store';
import type { CompanyWhere, RecordFilter } from './records-where';

// Finance's 订单管理 (seed 003, R39): every paid top-up (online attempts and approved offline applications),
// renewal and value-added device order in one list. Read-only over the payments, requests and renewal
// tables. A device order carrying any value-added charge is `value_added` (docs/records.md).

export interface BillingOrderRow {
  id: string;
  type: BillingOrderType;
  number: string;
  company_id: string | null;
  company_name: string | null;
  partner_id: string | null;
  partner_name: string | null;
  payment_method: PaymentMethodName;
  currency: Currency;
  amount: bigint;
  value_added_total: bigint;
  paid_at: Date;
}
export type BillingOrderListRow = BillingOrderRow & KeyedRow;

// A partner's wallet has no company; a company's row names the partner owning the company, if any.
const PAID = sql`select a.id, 'topup'::text as type, a.merchant_order_no as number,
    case when a.owner_type = 'company' then a.owner_id end as company_id,
    case when a.owner_type = 'partner' then a.owner_id else oc.partner_id end as partner_id,
    a.provider as payment_method, a.currency, a.amount, 0::int8 as value_added_total, a.paid_at
  from payment_attempts a left join companies oc on a.owner_type = 'company' and oc.id = a.owner_id
  where a.purpose = 'topup' and a.state = 'paid'
  union all
  select r.id, 'topup', r.number,
    case when t.wallet_owner_type = 'company' then t.wallet_owner_id end,
    case when t.wallet_owner_type = 'partner' then t.wallet_owner_id else tc.partner_id end,
    'offline', t.currency, t.amount, 0::int8, coalesce(r.decided_at, r.submitted_at, r.created_at)
  from requests r join topups t on t.request_id = r.id
    left join companies tc on t.wallet_owner_type = 'company' and tc.id = t.wallet_owner_id
  where r.category = 'topup' and r.state = 'approved'
  union all
  select o.id,
    case when exists (select 1 from device_order_items vi where vi.order_id = o.id and vi.value_added_amount > 0)
      then 'value_added' else 'renewal' end,
    o.number, o.company_id, dc.partner_id, o.payment_method, o.currency, o.total,
    coalesce((select sum(i.value_added_amount) from device_order_items i
      where i.order_id = o.id and i.value_added_amount > 0), 0)::int8
      * o.months,
    o.paid_at
  from device_orders o join companies dc on dc.id = o.company_id
  where o.state = 'paid'`;

type BillingSortKey = 'paid' | 'amount';
const SORT: Sortable<BillingSortKey> = {
  paid: { expr: sql`b.paid_at`, type: 'timestamptz' },
  amount: { expr: sql`b.amount`, type: 'int8' },
};

export interface BillingOrderFilter extends RecordFilter<BillingSortKey> {
  type?: BillingOrderType | undefined;
}

export async function listBillingOrders(
  ex: Exec,
  p: Principal,
  w: CompanyWhere,
  f: BillingOrderFilter,
): Promise<BillingOrderListRow[]> {
  const k = keyset('billing_orders', SORT, { expr: sql`b.id`, type: 'text' }, f.sort, f.after);
  const conds = [scopeOnCompany(p, sql.ref('b.company_id')), k.where, ...companyFilter(sql`b.company_id`, w)];
  if (f.partnerId) conds.push(sql`b.partner_id = ${f.partnerId}`);
  if (f.type) conds.push(sql`b.type = ${f.type}`);
  if (f.paymentMethod) conds.push(sql`b.payment_method = ${f.paymentMethod}`);
  if (f.currency) conds.push(sql`b.currency = ${f.currency}`);
  conds.push(...onBusinessDates(sql`b.paid_at`, f.from, f.to));
  conds.push(
    ...textMatch(f.q, [sql`b.number`, sql`coalesce(bc.name_zh, '')`, sql`coalesce(bp.name_zh, '')`]),
  );
  const { rows } = await sql<BillingOrderListRow>`select b.id, b.type, b.number, b.company_id,
      bc.name_zh as company_name, b.partner_id, bp.name_zh as partner_name, b.payment_method, b.currency,
      b.amount, b.value_added_total, b.paid_at, ${k.select}
    from (${PAID}) b left join companies bc on bc.id = b.company_id left join partners bp on bp.id = b.partner_id
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
