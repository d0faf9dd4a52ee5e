import type { Currency } from '@kaidan/shared';
import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

/** A settled payment of an order through a provider: what a refund goes back through (R35). */
export interface OrderPaymentRow {
  id: string;
  order_id: string;
  provider: string;
  merchant_order_no: string;
  provider_txn_id: string | null;
  amount: bigint;
  currency: Currency;
  paid_at: Date;
}

/**
 * The paid attempts of these orders, newest first. With `lock`, under their row locks: a refund that
 * allocates across them decides against amounts no concurrent refund can change meanwhile.
 */
export async function paidOrderPayments(
  ex: Exec,
  orderIds: string[],
  lock = false,
): Promise<OrderPaymentRow[]> {
  if (orderIds.length === 0) return [];
  const { rows } =
    await sql<OrderPaymentRow>`select id, order_id, provider, merchant_order_no, provider_txn_id,
      amount, currency, paid_at from payment_attempts
    where order_id in (${sql.join(orderIds)}) and purpose = 'order' and state = 'paid'
    order by paid_at desc, id desc ${lock ? sql`for update` : sql``}`.execute(ex);
  return rows;
}

/** What a provider refund goes back through: a paid order's payment, or money that came late (R29). */
export interface RefundSource {
  id: string;
  provider: string;
  merchant_order_no: string;
  provider_txn_id: string | null;
  amount: bigint;
  currency: Currency;
  state: string;
}

export async function refundSourceById(ex: Exec, id: string): Promise<RefundSource | undefined> {
  const { rows } = await sql<RefundSource>`select id, provider, merchant_order_no, provider_txn_id, amount,
      currency, state from payment_attempts where id = ${id}`.execute(ex);
  return rows[0];
}
