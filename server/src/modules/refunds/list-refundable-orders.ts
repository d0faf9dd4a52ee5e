import type { Temporal } from 'temporal-polyfill';
import { today } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { type Principal, requireRole } from '../../platform/principal';
import { invoiceOutstanding, invoiceStandingOf, NO_INVOICE } from './invoice-standing';
import { SELF_SERVICE_REFUND_DAYS, selfServiceRefundVerdict } from './self-service-refund';
import { type SelfServiceOrderRow, selfServiceOrdersSince } from './self-service-refund-store';

export type RefundableOrder = SelfServiceOrderRow & { until: Temporal.PlainDate };

/**
 * R33: the orders a customer may ask a refund of now — the ones the refund screen offers. Decided by the
 * same verdict the filing applies, so an order listed here is not refused for R33 a moment later.
 */
export async function listRefundableOrders(deps: Deps, p: Principal): Promise<RefundableOrder[]> {
  requireRole(p, ['customer'], { zh: '查看可自助退款的订单', en: 'list orders open to self-service refund' });
  const ex = deps.database.db;
  const day = today(deps.clock);
  const since = day.subtract({ days: SELF_SERVICE_REFUND_DAYS }).toString();
  const out: RefundableOrder[] = [];
  const orders = await selfServiceOrdersSince(ex, p, since);
  const standings = await invoiceStandingOf(
    ex,
    orders.map((o) => o.id),
  );
  for (const o of orders) {
    const v = selfServiceRefundVerdict(o, day, invoiceOutstanding(standings.get(o.id) ?? NO_INVOICE) > 0n);
    if (v.ok) out.push({ ...o, until: v.until });
  }
  return out;
}
