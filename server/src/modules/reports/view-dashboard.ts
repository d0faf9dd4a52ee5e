import { BUSINESS_ZONE, toDate, today } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { hasRole, type Principal } from '../../platform/principal';
import {
  type Expiring,
  expiringBetween,
  type MoneyRow,
  type Waiting,
  waitingFor,
  walletFlows,
} from './report-store';

export interface Dashboard {
  waiting: Waiting;
  expiringSoon: Expiring[];
  /** this calendar month in Asia/Shanghai */
  money: MoneyRow[];
  monthStart: string;
}

const EXPIRY_WINDOW_DAYS = 30;

/** One screen per role: what waits for me, what expires in the next 30 days, money in and out this month. */
export async function viewDashboard(deps: Deps, p: Principal): Promise<Dashboard> {
  const ex = deps.database.db;
  const day = today(deps.clock);
  const monthStart = day.with({ day: 1 });
  const teams = [
    ...(hasRole(p, 'finance', 'admin') ? ['finance'] : []),
    ...(hasRole(p, 'order_desk', 'admin') ? ['order_desk'] : []),
  ];
  const [waiting, expiringSoon, money] = await Promise.all([
    waitingFor(ex, p, teams, toDate(deps.clock.now())),
    expiringBetween(ex, p, day.toString(), day.add({ days: EXPIRY_WINDOW_DAYS }).toString(), 20),
    walletFlows(ex, p, toDate(monthStart.toZonedDateTime({ timeZone: BUSINESS_ZONE }).toInstant())),
  ]);
  return { waiting, expiringSoon, money, monthStart: monthStart.toString() };
}
