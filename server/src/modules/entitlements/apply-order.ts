import { newId, type OrderType } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { addDays, isBefore } from './entitlement';
import { type ComponentView, componentsOf, ensureSubscription } from './entitlement-store';
import { type GrantWrites, writeGrant } from './grant-store';

export interface PaidOrder {
  id: string;
  company_id: string;
  product_id: string;
  order_type: OrderType;
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
 *
 * `locked`: the company's components of this product, read FOR UPDATE in this transaction after the
 * company's lock (an order placed and approved at once, ADR 0015). When every line has its component
 * there, nothing needs re-reading; otherwise the subscription upsert serialises the grant and the
 * components are read again under it.
 */
export async function applyPaidOrder(
  ex: Exec,
  clock: Clock,
  order: PaidOrder,
  lines: PaidLine[],
  locked?: ComponentView[],
): Promise<{ lineId: string; start: string; end: string }[]> {
  const first = locked?.[0];
  const reuse = first && locked && lines.every((l) => locked.some((c) => c.plan_id === l.plan_id));
  const subscriptionId = reuse
    ? first.subscription_id
    : await ensureSubscription(ex, clock, order.company_id, order.product_id);
  // The subscription upsert above already serialises approvals for this customer and product; the
  // lock keeps refunds and seat reductions off these components until we commit.
  const current = reuse && locked ? locked : await componentsOf(ex, order.company_id, order.product_id, true);
  const existing = new Map(current.map((c) => [c.plan_id, c]));
  const g: GrantWrites = { inserts: [], updates: [], periods: [], events: [] };
  const moved: { lineId: string; start: string; end: string }[] = [];
  const cause = { type: 'order', id: order.id };
  const ms = clock.now().epochMilliseconds;
  for (const [index, line] of lines.entries()) {
    const c = existing.get(line.plan_id);
    if (order.order_type === 'add_seats') {
      if (!c) throw new Error(`add_seats without component for ${line.plan_id}`);
      // R12 R16: the quote's check ran before any lock; this one, on the locked row, decides.
      if (c.plan_seat_max !== null && c.seats + line.seats > c.plan_seat_max) throw overCap(index, c, line);
      g.updates.push({ id: c.id, seats: c.seats + line.seats, end: c.end_date });
      g.events.push({
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
      const id = newId('cmpn', ms);
      g.inserts.push({
        id,
        subscriptionId,
        companyId: order.company_id,
        planId: line.plan_id,
        seats: line.seats,
        start,
        end,
      });
      g.periods.push({ componentId: id, orderLineId: line.id, start, end });
      g.events.push({
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
    // R13: a renewal keeps the seats it was priced for; seats changed since the quote refuse it.
    if (order.order_type === 'renew' && c.seats !== line.seats) throw seatsMoved(index, c, line);
    g.updates.push({ id: c.id, seats: line.seats, end });
    g.periods.push({ componentId: c.id, orderLineId: line.id, start, end });
    g.events.push({
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
  await writeGrant(ex, clock, g);
  return moved;
}

type Locked = {
  plan_name_zh: string;
  plan_name_en: string | null;
  seats: number;
  plan_seat_max: number | null;
};

function overCap(index: number, c: Locked, line: PaidLine): AppError {
  const after = c.seats + line.seats;
  const zh = `${c.plan_name_zh} 的人数上限为 ${c.plan_seat_max}：当前已有 ${c.seats} 人，本单增购 ${line.seats} 人后为 ${after} 人`;
  const en = `${c.plan_name_en ?? c.plan_name_zh} allows 1–${c.plan_seat_max} seats; it has ${c.seats} now and this order adds ${line.seats}, making ${after}`;
  return new AppError({
    status: 422,
    code: 'SEATS_OUT_OF_TIER',
    message: { zh, en },
    fields: [{ field: `lines.${index}.seats`, code: 'SEATS_OUT_OF_TIER', message: { zh, en } }],
    fixes: [
      {
        zh: `最多还能增购 ${Math.max(0, (c.plan_seat_max ?? 0) - c.seats)} 人，或改购更高档位`,
        en: `Add at most ${Math.max(0, (c.plan_seat_max ?? 0) - c.seats)} seats, or move to a larger tier`,
      },
    ],
    details: { seats: c.seats, adding: line.seats, seatMax: c.plan_seat_max, rule: 'R16' },
  });
}

function seatsMoved(index: number, c: Locked, line: PaidLine): AppError {
  const zh = `${c.plan_name_zh} 现为 ${c.seats} 人，本续期单按 ${line.seats} 人计价，人数已变化`;
  const en = `${c.plan_name_en ?? c.plan_name_zh} now has ${c.seats} seats; this renewal was priced for ${line.seats}`;
  return new AppError({
    status: 422,
    code: 'RENEWAL_SEATS_MISMATCH',
    message: { zh, en },
    fields: [{ field: `lines.${index}.seats`, code: 'RENEWAL_SEATS_MISMATCH', message: { zh, en } }],
    fixes: [{ zh: `驳回后按 ${c.seats} 人重新下续期单`, en: `Reject it and renew ${c.seats} seats instead` }],
    details: { seats: c.seats, priced: line.seats, rule: 'R13' },
  });
}
