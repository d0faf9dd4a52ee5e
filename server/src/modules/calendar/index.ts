// The business calendar (R34, issue #12, ADR 0017): the admins' override table in front of chinese-days,
// and the review deadline that reads it. The counting rules are pure and live in platform/calendar.ts.

export { listCalendarOverrides } from './list-calendar-overrides';
export { removeCalendarOverride } from './remove-calendar-override';
export { reviewDeadline } from './review-deadline';
export { type CalendarOverrideInput, setCalendarOverride } from './set-calendar-override';
