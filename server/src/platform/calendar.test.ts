import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { addBusinessDays, BusinessCalendar, businessDeadline, type DayKind, yearCovered } from './calendar';

// Real chinese-days data (2025 and 2026 arrangements of the State Council; 2027 not yet published).
const day = (from: string, n: number, overrides?: Record<string, DayKind>) =>
  addBusinessDays(Temporal.PlainDate.from(from), n, new Map(Object.entries(overrides ?? {})));
/** Submitted at 10:00 Shanghai on `date`: the business date of the end of the deadline, and provisional. */
const due = (date: string, overrides?: Record<string, DayKind>) => {
  const d = businessDeadline(
    Temporal.PlainDateTime.from(`${date}T10:00`).toZonedDateTime('Asia/Shanghai').toInstant(),
    3,
    new Map(Object.entries(overrides ?? {})),
  );
  return {
    date: d.at.toZonedDateTimeISO('Asia/Shanghai').toPlainDate().toString(),
    provisional: d.provisional,
  };
};

describe('business calendar (R34)', () => {
  it('R34 skips the National Day holiday and counts the make-up Saturday', () => {
    // 2025-09-28 (Sunday) is a make-up workday; 10-01..10-08 are holidays; 10-11 (Saturday) is a make-up workday.
    assert.equal(day('2025-09-26', 1).date.toString(), '2025-09-28');
    assert.equal(day('2025-09-30', 1).date.toString(), '2025-10-09');
    assert.equal(day('2025-10-09', 2).date.toString(), '2025-10-11');
  });

  it('R34 a make-up workday (调休 Sunday 2026-09-20 before National Day) counts', () => {
    // Friday 09-18 → Sun 20 (make-up), Mon 21, Tue 22; Monday–Friday alone would say Wed 23.
    assert.deepEqual(due('2026-09-18'), { date: '2026-09-22', provisional: false });
    // Thursday 10-08 → Fri 9, Sat 10 (make-up), Mon 12.
    assert.deepEqual(due('2026-10-08'), { date: '2026-10-12', provisional: false });
  });

  it('R34 crossing the National Day week (2026-10-01..07) counts none of it', () => {
    // Tuesday 09-29 → Wed 30, then Thu 10-08, Fri 10-09.
    assert.deepEqual(due('2026-09-29'), { date: '2026-10-09', provisional: false });
  });

  it('R34 crossing the Spring Festival (2026-02-15..23) with its make-up Saturday 02-14', () => {
    // Friday 02-13 → Sat 14 (make-up), then Tue 24, Wed 25.
    assert.deepEqual(due('2026-02-13'), { date: '2026-02-25', provisional: false });
  });

  it('R34 a deadline in a year the calendar does not cover (2027) is provisional, counted Monday–Friday', () => {
    assert.equal(yearCovered(2026), true);
    assert.equal(yearCovered(2027), false);
    assert.equal(yearCovered(2003), false);
    // Wednesday 2026-12-30 → Thu 31, then 2027: Fri 01-01 (estimated a workday), Mon 01-04.
    assert.deepEqual(due('2026-12-30'), { date: '2027-01-04', provisional: true });
    // Monday 2026-12-28 → Tue 29, Wed 30, Thu 31: never reaches 2027, so it is firm.
    assert.deepEqual(due('2026-12-28'), { date: '2026-12-31', provisional: false });
  });

  it('R34 an override comes before chinese-days: a holiday declared on a workday moves the deadline', () => {
    // Friday 2026-11-20 → Mon 23, Tue 24, Wed 25; with Monday declared a holiday → Thu 26.
    assert.deepEqual(due('2026-11-20'), { date: '2026-11-25', provisional: false });
    assert.deepEqual(due('2026-11-20', { '2026-11-23': 'holiday' }), {
      date: '2026-11-26',
      provisional: false,
    });
    // A Saturday declared a workday counts.
    assert.deepEqual(due('2026-11-20', { '2026-11-21': 'workday' }), {
      date: '2026-11-24',
      provisional: false,
    });
    const cal = new BusinessCalendar(new Map([['2026-11-23', 'holiday']]));
    assert.deepEqual(cal.day(Temporal.PlainDate.from('2026-11-23')), { work: false, source: 'override' });
    assert.deepEqual(cal.day(Temporal.PlainDate.from('2026-09-20')), { work: true, source: 'chinese-days' });
    assert.deepEqual(cal.day(Temporal.PlainDate.from('2027-01-01')), { work: true, source: 'estimate' });
  });

  it('R34 overrides of every day counted in an uncovered year make its deadline firm', () => {
    const arranged: Record<string, DayKind> = {
      '2027-01-01': 'holiday',
      '2027-01-02': 'holiday',
      '2027-01-03': 'holiday',
      '2027-01-04': 'workday',
      '2027-01-05': 'workday',
    };
    assert.deepEqual(due('2026-12-30', arranged), { date: '2027-01-05', provisional: false });
  });

  it('R34 the submission day does not count and the deadline is the end of the day in Shanghai', () => {
    // Submitted Friday 2026-11-20 10:00 Shanghai → Mon, Tue, Wed → due Wed 2026-11-25 23:59:59.999999999 +08:00.
    const d = businessDeadline(Temporal.Instant.from('2026-11-20T02:00:00Z'), 3);
    assert.equal(d.at.toZonedDateTimeISO('Asia/Shanghai').toPlainDate().toString(), '2026-11-25');
    assert.equal(d.at.add({ nanoseconds: 1 }).toString(), '2026-11-25T16:00:00Z');
    assert.equal(d.provisional, false);
  });
});
