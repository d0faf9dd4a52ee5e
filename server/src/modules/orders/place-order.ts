import { newId } from '@kaidan/shared';
import type { Deps } from '../../platform/deps';
import { nextNumber } from '../../platform/numbering-store';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import type { OrderRow } from './order';
import { insertOrder, type NewLine } from './order-store';
import { type OrderInput, type Quote, quoteOrder } from './quote-order';
import { submitInTx } from './submit-order';

export const ORDERING_ROLES = ['partner_agent', 'customer', 'sales', 'order_desk', 'admin'] as const;

export interface PlacedOrder {
  id: string;
  number: string;
  state: OrderRow['state'];
  quote: Quote;
}

export function toNewLines(q: Quote): NewLine[] {
  return q.lines.map((l) => ({
    line_no: l.lineNo,
    plan_id: l.planId,
    seats: l.seats,
    duration_unit: l.durationUnit,
    duration_value: l.durationValue,
    days: l.days,
    period_start: l.periodStart,
    period_end: l.periodEnd,
    unit_amount: l.unitAmount,
    amount: l.amount,
    pass_through: l.passThrough,
    refundable: l.refundable,
  }));
}

/** R1 + R2 + R3: save the order as a draft, and with `submit` hold the money and route it for review. */
export async function placeOrder(
  deps: Deps,
  p: Principal,
  input: OrderInput & { submit?: boolean | undefined },
): Promise<PlacedOrder> {
  requireRole(p, [...ORDERING_ROLES], { zh: '下单', en: 'place orders' });
  const { clock } = deps;
  return deps.database.db.transaction().execute(async (tx) => {
    const quote = await quoteOrder(tx, clock, p, input);
    const id = newId('ord', clock.now().epochMilliseconds);
    const number = await nextNumber(tx, clock, 'order', 'SO');
    await insertOrder(
      tx,
      clock,
      {
        id,
        number,
        channel: quote.channel,
        orderType: quote.orderType,
        partnerId: quote.partnerId,
        companyId: quote.company.id,
        productId: quote.productId,
        currency: quote.currency,
        total: quote.total,
        effectiveDate: quote.effectiveDate,
        cotermTo: quote.cotermTo,
        createdBy: p.userId,
      },
      toNewLines(quote),
    );
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: id,
      action: 'create',
      stateAfter: 'draft',
      after: { number, total: quote.total, lines: quote.lines.length },
    });
    if (!input.submit) return { id, number, state: 'draft' as const, quote };
    const state = await submitInTx(tx, clock, p, id);
    return { id, number, state, quote };
  });
}
