import type { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE, toDate, today } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { hasRole, type Principal } from '../../platform/principal';
import { type CurrencyFlows, dailySeries } from './daily-series';
import {
  type Expiring,
  expiringBetween,
  type MoneyRow,
  type OrderStateCount,
  ordersByState,
  type QueueCount,
  requestsWaiting,
  type Waiting,
  waitingFor,
  walletFlows,
  walletFlowsByDay,
} from './report-store';

export interface Dashboard {
  /** whose figures these are: staff see everything, a partner its own, a customer its company's */
  scope: 'staff' | 'partner' | 'customer';
  today: string;
  /** this calendar month in Asia/Shanghai */
  monthStart: string;
  monthEnd: string;
  waiting: Waiting;
  /** staff: their teams' queue by category; partner/customer: their requests waiting for the vendor */
  requestsWaiting: QueueCount[];
  expiringSoon: (Expiring & { days_left: number })[];
  /** wallet money this month by kind and currency, from the wallets' side (credits positive) */
  money: MoneyRow[];
  /** the same money per day of the month, per currency, as in (credits) and out (debits) */
  moneyByDay: CurrencyFlows[];
  /** orders created this month, by their state now */
  ordersByState: OrderStateCount[];
}

const EXPIRY_WINDOW_DAYS = 30;
const EXPIRING_SHOWN = 20;

const startOf = (d: Temporal.PlainDate) => toDate(d.toZonedDateTime({ timeZone: BUSINESS_ZONE }).toInstant());

/** One screen per role: what waits for me, what expires in the next 30 days, money in and out this month. */
export async function viewDashboard(deps: Deps, p: Principal): Promise<Dashboard> {
  const ex = deps.database.db;
  const day = today(deps.clock);
  const monthStart = day.with({ day: 1 });
  const monthEnd = day.with({ day: day.daysInMonth });
  const since = startOf(monthStart);
  const now = toDate(deps.clock.now());
  const teams = [
    ...(hasRole(p, 'finance', 'admin') ? ['finance'] : []),
    ...(hasRole(p, 'order_desk', 'admin') ? ['order_desk'] : []),
  ];
  const [waiting, queue, expiring, money, daily, orders] = await Promise.all([
    waitingFor(ex, p, teams, now),
    requestsWaiting(ex, p, teams, now),
    expiringBetween(ex, p, day.toString(), day.add({ days: EXPIRY_WINDOW_DAYS }).toString(), EXPIRING_SHOWN),
    walletFlows(ex, p, since),
    walletFlowsByDay(ex, p, since),
    ordersByState(ex, p, since),
  ]);
  return {
    scope: p.kind === 'partner' || p.kind === 'customer' ? p.kind : 'staff',
    today: day.toString(),
    monthStart: monthStart.toString(),
    monthEnd: monthEnd.toString(),
    waiting,
    requestsWaiting: queue,
    expiringSoon: expiring.map((e) => ({ ...e, days_left: daysBetween(day, e.end_date) })),
    money,
    moneyByDay: dailySeries(monthStart, monthEnd, daily),
    ordersByState: orders,
  };
}

function daysBetween(from: Temporal.PlainDate, to: string): number {
  return from.until(to, { largestUnit: 'day' }).days;
}
