import { Temporal } from 'temporal-polyfill';
import { today } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { type DayResult, runBillingDay } from './daily-job';
import type { DailyStep } from './daily-step';

/**
 * `kaidan billing run --day D`: an operator runs (or re-runs) the daily job for a business day that was
 * missed, with the same steps the worker runs (each in its own transaction, as in the job). Every step is keyed, so a day already run makes nothing new.
 * A day after today is refused: reminders and statements are about days that have come.
 */
export async function runBillingDayNow(
  deps: Deps,
  p: Principal,
  day: string,
  steps: readonly DailyStep[],
): Promise<DayResult> {
  requireRole(p, ['admin'], { zh: '运行账单日任务', en: 'run the billing day' });
  let date: Temporal.PlainDate;
  try {
    date = Temporal.PlainDate.from(day, { overflow: 'reject' });
  } catch {
    throw invalid('day', 'date_invalid', { zh: `日期无效：${day}`, en: `Not a date: ${day}` });
  }
  if (Temporal.PlainDate.compare(date, today(deps.clock)) > 0)
    throw invalid('day', 'future_day', {
      zh: `不能运行未来日期：${day}`,
      en: `Cannot run a future day: ${day}`,
    });
  return runBillingDay(deps, date.toString(), steps);
}
