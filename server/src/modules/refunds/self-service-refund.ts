import { Temporal } from 'temporal-polyfill';
import { businessDate } from '../../platform/clock';
import { forbidden, type Text } from '../../platform/errors';
import type { OrderRow } from '../orders';

// R33 (seed 004: 没有申请开具发票的，可以在购买7天内申请退款): a customer may ask for a refund of what it
// bought itself, online, paid from its company wallet, within 7 days of payment and before any invoice.
// Everything else goes through support. The request then follows the partners' path: R32 amounts,
// finance review within the R34 deadline, R35 credit to the wallet that paid.

/**
 * Days after the payment date on which the customer may still ask. The payment date is day 0 and counts
 * as well; day 7 is the last one (Asia/Shanghai), day 8 is too late — "7 天内" read the way Chinese
 * consumer refunds are (the 7 days run from the day after the purchase).
 */
export const SELF_SERVICE_REFUND_DAYS = 7;

type Paid = Pick<OrderRow, 'paid_at' | 'decided_at' | 'created_at'>;

/** The business date of payment; a paid order always has `paid_at`, the others are a fallback. */
export const paidOn = (o: Paid): Temporal.PlainDate =>
  businessDate(Temporal.Instant.fromEpochMilliseconds((o.paid_at ?? o.decided_at ?? o.created_at).getTime()));

/** The last business date (Asia/Shanghai) on which the customer may ask for a refund of the order. */
export const selfServiceRefundUntil = (o: Paid): Temporal.PlainDate =>
  paidOn(o).add({ days: SELF_SERVICE_REFUND_DAYS });

export type SelfServiceVerdict =
  | { ok: true; until: Temporal.PlainDate }
  | { ok: false; code: string; message: Text };

/** R33 for one order, as the preview, the filing and the list of eligible orders all decide it. */
export function selfServiceRefundVerdict(
  o: Paid & Pick<OrderRow, 'number' | 'channel'>,
  today: Temporal.PlainDate,
  /** an issued invoice not fully red-letter reversed covers the order (invoice-standing.ts) */
  invoiced: boolean,
): SelfServiceVerdict {
  if (o.channel !== 'self_service') {
    return {
      ok: false,
      code: 'SELF_SERVICE_REFUND_ONLY',
      message: {
        zh: `R33：订单 ${o.number} 不是贵公司在线自助购买的订单，自助退款只适用于自助购买并由公司钱包支付的订单；请联系客服办理退款`,
        en: `R33: order ${o.number} was not bought self-service; customers may only request refunds of orders they bought online and paid from their company wallet. Contact support to request this refund`,
      },
    };
  }
  const until = selfServiceRefundUntil(o);
  if (Temporal.PlainDate.compare(today, until) > 0) {
    const paid = paidOn(o).toString();
    return {
      ok: false,
      code: 'SELF_SERVICE_REFUND_EXPIRED',
      message: {
        zh: `R33：订单 ${o.number} 于 ${paid} 付款，自助退款须在付款后 ${SELF_SERVICE_REFUND_DAYS} 天内（${until} 前）申请，现已超过期限；请联系客服办理退款`,
        en: `R33: order ${o.number} was paid on ${paid}; self-service refunds must be requested within ${SELF_SERVICE_REFUND_DAYS} days of payment (by ${until}), and that time has passed. Contact support to request this refund`,
      },
    };
  }
  if (invoiced) {
    return {
      ok: false,
      code: 'INVOICED_REFUND_VIA_SUPPORT',
      message: {
        zh: `R33：订单 ${o.number} 已开具发票，须由客服先红冲发票再办理退款；请联系客服`,
        en: `R33: an invoice was issued for order ${o.number}; its refund goes through support, red-letter reversal first. Contact support`,
      },
    };
  }
  return { ok: true, until };
}

/** R27 settles offline what the vendor wrote off with a partner; a customer only asks for refunds. */
export function refuseCustomerMode(mode: string): void {
  if (mode === 'refund') return;
  throw forbidden({
    zh: '客户只能申请退款，线下核销返还由渠道或公司员工办理',
    en: 'Customers may only request refunds; offline settlements are filed by partners or staff',
  });
}
