import chineseDays from 'chinese-days';
import type { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE } from './clock';

// R34: the Chinese business calendar. Make-up workdays (调休) count, holidays do not; the day a thing is
// submitted does not count; a deadline is the end of its day in Asia/Shanghai.
export function addBusinessDays(from: Temporal.PlainDate, n: number): Temporal.PlainDate {
  let d = from;
  let left = n;
  while (left > 0) {
    d = d.add({ days: 1 });
    if (chineseDays.isWorkday(d.toString())) left -= 1;
  }
  return d;
}

/** The instant a review submitted at `at` is due: the end of the n-th business day after. */
export function businessDeadline(at: Temporal.Instant, n: number): Temporal.Instant {
  const day = addBusinessDays(at.toZonedDateTimeISO(BUSINESS_ZONE).toPlainDate(), n);
  return day
    .add({ days: 1 })
    .toZonedDateTime({ timeZone: BUSINESS_ZONE })
    .toInstant()
    .subtract({ nanoseconds: 1 });
}
