import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { addDays, isBefore } from './entitlement';
import {
  componentsOf,
  type EventInput,
  ensureSubscription,
  insertComponent,
  insertEvents,
  insertPeriods,
  updateComponent,
} from './entitlement-store';

export interface PaidOrder {
  id: string;
  company_id: string;
  product_id: string;
  order_type: 'new' | 'add_seats' | 'renew';
  effective_date: string;
}

export interface PaidLine {
  id: string;
  plan_id: string;
  seats: number;
  days: number;
  period_start: string;
  period_end: string;
}

/**
 * Grant what a paid order bought (R29: never before payment). A renewal that another renewal
 * overtook since the quote is shifted to start after the new end, keeping the days paid for, so the
 * periods stay contiguous (invariant 4). Returns lines whose period moved.
 */
export async function applyPaidOrder(
  ex: Exec,
  clock: Clock,
  order: PaidOrder,
  lines: PaidLine[],
): Promise<{ lineId: string; start: string; end: string }[]> {
  const subscriptionId = await ensureSubscription(ex, clock, order.company_id, order.product_id);
  // The subscription upsert above already serialises approvals for this customer and product; the
  // lock keeps refunds and seat reductions off these components until we commit.
  const existing = new Map(
    (await componentsOf(ex, order.company_id, order.product_id, true)).map((c) => [c.plan_id, c]),
  );
  const periods: { componentId: string; orderLineId: string; start: string; end: string }[] = [];
  const events: EventInput[] = [];
  const moved: { lineId: string; start: string; end: string }[] = [];
  const cause = { type: 'order', id: order.id };
  for (const line of lines) {
    const c = existing.get(line.plan_id);
    if (order.order_type === 'add_seats') {
      if (!c) throw new Error(`add_seats without component for ${line.plan_id}`);
      await updateComponent(ex, c.id, { seats: c.seats + line.seats });
      events.push({
        componentId: c.id,
        companyId: order.company_id,
        kind: 'seats_added',
        cause,
        seatsBefore: c.seats,
        seatsAfter: c.seats + line.seats,
        endBefore: c.end_date,
        endAfter: c.end_date,
      });
      continue;
    }
    let { period_start: start, period_end: end } = line;
    if (c && !isBefore(c.end_date, start)) {
      start = addDays(c.end_date, 1);
      end = addDays(start, line.days - 1);
    }
    if (start !== line.period_start) moved.push({ lineId: line.id, start, end });
    if (!c) {
      const id = await insertComponent(ex, clock, {
        subscriptionId,
        companyId: order.company_id,
        planId: line.plan_id,
        seats: line.seats,
        start,
        end,
      });
      periods.push({ componentId: id, orderLineId: line.id, start, end });
      events.push({
        componentId: id,
        companyId: order.company_id,
        kind: 'granted',
        cause,
        seatsBefore: 0,
        seatsAfter: line.seats,
        endAfter: end,
      });
      continue;
    }
    await updateComponent(ex, c.id, { seats: line.seats, end });
    periods.push({ componentId: c.id, orderLineId: line.id, start, end });
    events.push({
      componentId: c.id,
      companyId: order.company_id,
      kind: order.order_type === 'new' ? 'granted' : 'extended',
      cause,
      seatsBefore: c.seats,
      seatsAfter: line.seats,
      endBefore: c.end_date,
      endAfter: end,
    });
  }
  await insertPeriods(ex, clock, periods);
  await insertEvents(ex, clock, events);
  return moved;
}
