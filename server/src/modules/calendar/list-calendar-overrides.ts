import { yearCovered } from '../../platform/calendar';
import type { Deps } from '../../platform/deps';
import { type Principal, requireRole } from '../../platform/principal';
import { CALENDAR_ROLES, READ_CALENDAR } from './calendar';
import { type OverrideRow, overridesOfYear } from './calendar-store';

/** A year's overrides, and whether chinese-days covers the year (else its deadlines are provisional). */
export async function listCalendarOverrides(
  deps: Deps,
  p: Principal,
  year: number,
): Promise<{ year: number; covered: boolean; items: OverrideRow[] }> {
  requireRole(p, CALENDAR_ROLES, READ_CALENDAR);
  return { year, covered: yearCovered(year), items: await overridesOfYear(deps.database.db, year) };
}
