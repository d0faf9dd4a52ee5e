import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { CALENDAR_DAY, CALENDAR_ROLES, EDIT_CALENDAR } from './calendar';
import { deleteOverride, findOverride } from './calendar-store';

/** Takes an override back: the day is chinese-days' again (or an estimate in an uncovered year). */
export function removeCalendarOverride(deps: Deps, p: Principal, day: string): Promise<void> {
  requireRole(p, CALENDAR_ROLES, EDIT_CALENDAR);
  return transact(deps.database.db, async (tx) => {
    const before = await findOverride(tx, day, true);
    if (!before || !(await deleteOverride(tx, day))) throw notFound(CALENDAR_DAY);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'calendar_day',
      objectId: day,
      action: 'remove_override',
      before: { kind: before.kind, note: before.note },
      after: null,
    });
  });
}
