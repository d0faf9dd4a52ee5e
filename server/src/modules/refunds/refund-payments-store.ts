import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  type ListFilter,
  onBusinessDates,
  type Sortable,
  textMatch,
} from '../../platform/keyset';
import type { RefundPaymentRow, RefundPaymentState } from './refund-store';

export interface RefundPaymentListRow extends RefundPaymentRow {
  request_number: string | null;
  merchant_order_no: string | null;
}

type SortKey = 'created' | 'amount';
const SORT: Sortable<SortKey> = {
  created: { expr: sql`r.created_at`, type: 'timestamptz' },
  amount: { expr: sql`r.amount`, type: 'int8' },
};

export interface RefundPaymentFilter extends ListFilter<SortKey> {
  state?: RefundPaymentState | undefined;
  channel?: string | undefined;
  late?: boolean | undefined;
}

/** Every refund payment (finance's view; no party scope: the use case admits finance and admins only). */
export async function listRefundPayments(
  ex: Exec,
  f: RefundPaymentFilter,
): Promise<(RefundPaymentListRow & KeyedRow)[]> {
  const k = keyset('refund_payments', SORT, { expr: sql`r.id`, type: 'text' }, f.sort, f.after);
  const conds = [k.where];
  if (f.state) conds.push(sql`r.state = ${f.state}`);
  if (f.channel) conds.push(sql`r.channel = ${f.channel}`);
  if (f.late !== undefined) conds.push(f.late ? sql`r.request_id is null` : sql`r.request_id is not null`);
  conds.push(...onBusinessDates(sql`r.created_at`, f.from, f.to));
  conds.push(
    ...textMatch(f.q, [
      sql`r.refund_no`,
      sql`coalesce(q.number, '')`,
      sql`coalesce(a.merchant_order_no, '')`,
    ]),
  );
  const { rows } = await sql<RefundPaymentListRow & KeyedRow>`select r.id, r.request_id, r.order_id,
      r.attempt_id, r.channel, r.refund_no, r.currency, r.amount, r.state, r.provider_refund_id, r.failure,
      r.created_at, r.submitted_at, r.arrived_at, r.version, q.number as request_number, a.merchant_order_no,
      ${k.select}
    from refund_payments r
    left join requests q on q.id = r.request_id
    left join payment_attempts a on a.id = r.attempt_id
    where ${sql.join(conds, sql` and `)} order by ${k.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}
