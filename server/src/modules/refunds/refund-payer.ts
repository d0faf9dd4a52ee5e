import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { hasRole, type Principal } from '../../platform/principal';
import type { OrderRow } from '../orders';
import { findCompanyInScope } from '../parties';

/**
 * A refund returns money to the wallet that paid (R32/R35). A partner asks only for what its own wallet
 * paid; an order paid by a partner that no longer owns the customer (before a transfer, R17) is refunded
 * only by the order desk, who weighs what the refund revokes from the customer's current subscription.
 */
export async function refuseRefundOfOthersMoney(
  ex: Exec,
  p: Principal,
  o: OrderRow,
  field: string,
): Promise<void> {
  if (p.kind === 'customer' || hasRole(p, 'order_desk', 'admin')) return;
  const paidByOther =
    p.kind === 'partner'
      ? o.channel !== 'partner' || o.partner_id !== p.partnerId
      : o.channel === 'partner' &&
        o.partner_id !== (await findCompanyInScope(ex, p, o.company_id)).partner_id;
  if (!paidByOther) return;
  throw new AppError({
    status: 403,
    code: 'REFUND_NEEDS_ORDER_DESK',
    message: {
      zh: `订单 ${o.number} 不是由${p.kind === 'partner' ? '贵方' : '客户现渠道的'}钱包付款（如客户转移前的订单），只能由订单组申请返款，款项退回原付款钱包`,
      en: `Order ${o.number} was not paid from ${p.kind === 'partner' ? 'your' : 'the current partner’s'} wallet (e.g. it predates a transfer); only the order desk files its refund, and the money returns to the wallet that paid`,
    },
    fields: [
      {
        field,
        code: 'REFUND_NEEDS_ORDER_DESK',
        message: { zh: '转移前订单须由订单组返款', en: 'A pre-transfer order is refunded by the order desk' },
      },
    ],
  });
}
