import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { nextNumber } from '../../platform/numbering-store';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { requireOrderable } from '../parties';
import type { OrderRow } from './order';
import { insertOrder, type NewLine } from './order-store';
import { type OrderInput, type Quote, quoteOrder } from './quote-order';
import { routeSubmitted } from './submit-order';

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
  await requireOrderable(deps.database.db, p, input);
  const { clock } = deps;
  return deps.database.db.transaction().execute(async (tx) => {
    const quote = await quoteOrder(tx, clock, p, input);
    const now = clock.now();
    const order: OrderRow = {
      id: newId('ord', now.epochMilliseconds),
      number: await nextNumber(tx, clock, 'order', 'SO'),
      channel: quote.channel,
      order_type: quote.orderType,
      partner_id: quote.partnerId,
      company_id: quote.company.id,
      product_id: quote.productId,
      currency: quote.currency,
      total: quote.total,
      effective_date: quote.effectiveDate,
      coterm_to: quote.cotermTo,
      state: input.submit ? 'submitted' : 'draft',
      settled_offline_at: null,
      created_by: p.userId,
      created_at: toDate(now),
      submitted_at: input.submit ? toDate(now) : null,
      received_at: null,
      contract_arrived_at: null,
      archived_at: null,
      rename_to_zh: null,
      rename_to_en: null,
      decided_by: null,
      decided_at: null,
      paid_at: null,
      decision_comment: null,
      version: 1,
    };
    await insertOrder(tx, clock, order, toNewLines(quote));
    const done = (state: OrderRow['state']) => ({ id: order.id, number: order.number, state, quote });
    if (input.submit) return done(await routeSubmitted(tx, clock, p, order, null, quote.reviewMode));
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'create',
      stateAfter: 'draft',
      after: { number: order.number, total: quote.total, lines: quote.lines.length },
    });
    return done('draft');
  });
}
