import type { DayKind } from '../../platform/calendar';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { CALENDAR_ROLES, EDIT_CALENDAR } from './calendar';
import { findOverride, type OverrideRow, upsertOverride } from './calendar-store';

export interface CalendarOverrideInput {
  /** ISO date, YYYY-MM-DD */
  day: string;
  kind: DayKind;
  note: string;
}

/**
 * Declares one day a workday or a holiday, replacing any earlier override of it (R34). Deadlines already
 * computed keep their value: a review's clock is set when it is submitted (ADR 0017).
 */
export function setCalendarOverride(
  deps: Deps,
  p: Principal,
  input: CalendarOverrideInput,
): Promise<OverrideRow> {
  requireRole(p, CALENDAR_ROLES, EDIT_CALENDAR);
  return transact(deps.database.db, async (tx) => {
    const before = await findOverride(tx, input.day, true);
    await upsertOverride(tx, { ...input, by: p.userId, at: toDate(deps.clock.now()) });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'calendar_day',
      objectId: input.day,
      action: before ? 'update_override' : 'add_override',
      before: before ? { kind: before.kind, note: before.note } : null,
      after: { kind: input.kind, note: input.note },
    });
    return (await findOverride(tx, input.day)) as OverrideRow;
  });
}
