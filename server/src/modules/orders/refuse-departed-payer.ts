import type { Exec } from '../../platform/db/database';
import { conflict } from '../../platform/errors';
import { lockCompanyOwner } from '../parties';
import type { OrderRow } from './order';

/**
 * R17: a partner's order is held on and paid from its wallet only while that partner owns the customer.
 * Checked under the company's lock, which the transfer takes too: an order the old partner placed as the
 * customer moved is refused, never paid by the old partner for the new one's customer.
 */
export async function refuseDepartedPayer(ex: Exec, order: OrderRow): Promise<void> {
  if (order.channel !== 'partner') return;
  if ((await lockCompanyOwner(ex, order.company_id, 'payment')) === order.partner_id) return;
  throw conflict(
    'ORDER_PAYER_LEFT',
    {
      zh: `订单 ${order.number} 的付款渠道已不再拥有该客户（客户已转移），不能再扣款；请驳回或作废此单`,
      en: `The partner paying order ${order.number} no longer owns the customer (it was transferred); the order can no longer be paid, reject or void it`,
    },
    { orderNumber: order.number },
  );
}
