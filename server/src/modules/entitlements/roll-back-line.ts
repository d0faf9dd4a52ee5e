import type { OrderType } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { addDays, isBefore } from './entitlement';
import {
  componentsOf,
  insertEvents,
  lockComponent,
  orderAfter,
  periodOfLine,
  setPeriod,
  updateComponent,
} from './entitlement-store';

export interface RollbackOrder {
  id: string;
  number: string;
  company_id: string;
  product_id: string;
  order_type: OrderType;
}

export interface RollbackLine {
  id: string;
  line_no: number;
  plan_id: string;
  seats: number;
  period_start: string;
}

/**
 * R35: what refunding a line takes back — the entitlements' side of a refund (the refunds module prices
 * it). Unstarted time is revoked; started time is shortened to `today`. Only the latest period of a
 * component can be taken back, so the periods stay contiguous (invariant 4). With `apply`, the change is
 * made and logged. `chain` carries, per component, the end later lines of the same batch leave (a batch is
 * handled latest-first, `byLatest`), so a plan without `apply` sees what applying it would.
 * Answers whether the line still grants anything to take back (false: nothing to refund).
 */
export async function rollBackLine(
  ex: Exec,
  clock: Clock,
  o: RollbackOrder,
  line: RollbackLine,
  today: string,
  apply: { cause: { type: string; id: string } } | null,
  chain: Map<string, string> = new Map(),
): Promise<boolean> {
  const comp = (await componentsOf(ex, o.company_id, o.product_id)).find((c) => c.plan_id === line.plan_id);
  if (!comp) return false;
  const started = isBefore(line.period_start, today);
  if (o.order_type === 'add_seats') {
    if (!apply) return true;
    const c = await lockComponent(ex, comp.id);
    if (!c || c.seats < line.seats)
      throw refused(
        o,
        line,
        '人数已减少，无法再退增购的人数',
        'Seats were already reduced; the added seats cannot be refunded',
      );
    await updateComponent(ex, c.id, { seats: c.seats - line.seats });
    await insertEvents(ex, clock, [
      {
        componentId: c.id,
        companyId: o.company_id,
        kind: 'seats_reduced',
        cause: apply.cause,
        seatsBefore: c.seats,
        seatsAfter: c.seats - line.seats,
        endBefore: c.end_date,
        endAfter: c.end_date,
      },
    ]);
    return true;
  }
  const period = await periodOfLine(ex, line.id);
  if (!period) return false;
  const end = chain.get(comp.id) ?? comp.end_date;
  if (period.end_date !== end) {
    const later = (await orderAfter(ex, comp.id, period.end_date)) ?? '';
    throw refused(
      o,
      line,
      `其后还有续期 ${later}（至 ${end}），请先退订单 ${later}，或将其一并加入本批`,
      `A later renewal ${later} runs to ${end}; refund ${later} first, or add it to this batch`,
    );
  }
  const newEnd = started ? today : addDays(period.start_date, -1);
  chain.set(comp.id, newEnd);
  if (!apply) return true;
  const c = await lockComponent(ex, comp.id);
  if (!c) return false;
  const revokedAll = !started && period.start_date === c.start_date;
  await setPeriod(ex, period.id, started ? today : period.end_date, started ? 'active' : 'revoked');
  await updateComponent(ex, c.id, { end: newEnd, ...(revokedAll ? { seats: 0 } : {}) });
  await insertEvents(ex, clock, [
    {
      componentId: c.id,
      companyId: o.company_id,
      kind: started ? 'shortened' : 'revoked',
      cause: apply.cause,
      seatsBefore: c.seats,
      seatsAfter: revokedAll ? 0 : c.seats,
      endBefore: c.end_date,
      endAfter: newEnd,
    },
  ]);
  return true;
}

/** R32: a batch is applied latest-first, so each line of a renewal chain is the latest when its turn comes. */
export const byLatest = (a: { period_start: string }, b: { period_start: string }): number =>
  a.period_start < b.period_start ? 1 : a.period_start > b.period_start ? -1 : 0;

function refused(o: RollbackOrder, line: RollbackLine, zh: string, en: string): AppError {
  return new AppError({
    status: 422,
    code: 'REFUND_LINE_REFUSED',
    message: {
      zh: `订单 ${o.number} 第 ${line.line_no} 行不能退款：${zh}`,
      en: `Order ${o.number} line ${line.line_no} cannot be refunded: ${en}`,
    },
    details: { orderId: o.id, lineId: line.id },
  });
}
