import type { Temporal } from 'temporal-polyfill';
import { BusinessCalendar, type Deadline } from '../../platform/calendar';
import { businessDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { overridesAfter } from './calendar-store';

/**
 * R34: the deadline of a review submitted at `at`, n business days on the business calendar — the
 * overrides (read once, in one statement) before chinese-days; `provisional` when some day was estimated.
 */
export async function reviewDeadline(ex: Exec, at: Temporal.Instant, n: number): Promise<Deadline> {
  const calendar = new BusinessCalendar(await overridesAfter(ex, businessDate(at).toString()));
  return calendar.deadline(at, n);
}
