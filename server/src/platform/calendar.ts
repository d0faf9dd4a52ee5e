import chineseDays from 'chinese-days';
import type { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE } from './clock';

// R34: the Chinese business calendar (ADR 0017). Make-up workdays (调休) count, holidays do not; the day a
// thing is submitted does not count; a deadline is the end of its day in Asia/Shanghai. An admin's
// override (modules/calendar) is read first, then chinese-days; a day of a year the package does not
// cover and no one overrode is counted Monday–Friday, and whatever was counted over it is provisional.

export type DayKind = 'workday' | 'holiday';
/** Where a day's answer came from: the override table, the package, or the Monday–Friday estimate. */
export type DaySource = 'override' | 'chinese-days' | 'estimate';

/** The overrides a computation reads, keyed by ISO date (YYYY-MM-DD). */
export type Overrides = ReadonlyMap<string, DayKind>;

const covered = new Map<number, boolean>();

/**
 * Whether chinese-days ships a year's arrangement. Its data has no "years" export, but
 * `getHolidaysInRange(…, false)` lists only the dates in its holiday table (weekends left out), and every
 * year it ships has its Spring Festival there; an uncovered year answers an empty list. Cached: the
 * package's data does not change while the process runs.
 */
export function yearCovered(year: number): boolean {
  let known = covered.get(year);
  if (known === undefined) {
    known = chineseDays.getHolidaysInRange(`${year}-01-01`, `${year}-12-31`, false).length > 0;
    covered.set(year, known);
  }
  return known;
}

export function dayOf(d: Temporal.PlainDate, overrides: Overrides): { work: boolean; source: DaySource } {
  const o = overrides.get(d.toString());
  if (o) return { work: o === 'workday', source: 'override' };
  if (yearCovered(d.year)) return { work: chineseDays.isWorkday(d.toString()), source: 'chinese-days' };
  return { work: d.dayOfWeek <= 5, source: 'estimate' };
}

export interface BusinessDay {
  date: Temporal.PlainDate;
  /** some day counted or skipped on the way was an estimate (ADR 0017) */
  provisional: boolean;
}

/** The n-th business day after `from` (which does not count). */
export function addBusinessDays(
  from: Temporal.PlainDate,
  n: number,
  overrides: Overrides = new Map(),
): BusinessDay {
  let d = from;
  let left = n;
  let provisional = false;
  while (left > 0) {
    d = d.add({ days: 1 });
    const day = dayOf(d, overrides);
    if (day.source === 'estimate') provisional = true;
    if (day.work) left -= 1;
  }
  return { date: d, provisional };
}

export interface Deadline {
  at: Temporal.Instant;
  provisional: boolean;
}

/** The instant a review submitted at `at` is due: the end of the n-th business day after. */
export function businessDeadline(
  at: Temporal.Instant,
  n: number,
  overrides: Overrides = new Map(),
): Deadline {
  const day = addBusinessDays(at.toZonedDateTimeISO(BUSINESS_ZONE).toPlainDate(), n, overrides);
  return {
    at: day.date
      .add({ days: 1 })
      .toZonedDateTime({ timeZone: BUSINESS_ZONE })
      .toInstant()
      .subtract({ nanoseconds: 1 }),
    provisional: day.provisional,
  };
}

/** The business calendar of one computation: the overrides it read, then chinese-days, then the estimate. */
export class BusinessCalendar {
  constructor(private readonly overrides: Overrides = new Map()) {}
  day(d: Temporal.PlainDate): { work: boolean; source: DaySource } {
    return dayOf(d, this.overrides);
  }
  addBusinessDays(from: Temporal.PlainDate, n: number): BusinessDay {
    return addBusinessDays(from, n, this.overrides);
  }
  deadline(at: Temporal.Instant, n: number): Deadline {
    return businessDeadline(at, n, this.overrides);
  }
}
