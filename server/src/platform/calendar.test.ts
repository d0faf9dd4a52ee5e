import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { addBusinessDays, businessDeadline } from './calendar';

describe('business calendar (R34)', () => {
  it('R34 skips the National Day holiday and counts the make-up Saturday', () => {
    // 2025-09-28 (Sunday) is a make-up workday; 10-01..10-08 are holidays; 10-11 (Saturday) is a make-up workday.
    assert.equal(addBusinessDays(Temporal.PlainDate.from('2025-09-26'), 1).toString(), '2025-09-28');
    assert.equal(addBusinessDays(Temporal.PlainDate.from('2025-09-30'), 1).toString(), '2025-10-09');
    assert.equal(addBusinessDays(Temporal.PlainDate.from('2025-10-09'), 2).toString(), '2025-10-11');
  });

  it('R34 the submission day does not count and the deadline is the end of the day in Shanghai', () => {
    // Submitted Friday 2026-11-20 10:00 Shanghai → Mon, Tue, Wed → due Wed 2026-11-25 23:59:59.999999999 +08:00.
    const due = businessDeadline(Temporal.Instant.from('2026-11-20T02:00:00Z'), 3);
    assert.equal(due.toZonedDateTimeISO('Asia/Shanghai').toPlainDate().toString(), '2026-11-25');
    assert.equal(due.add({ nanoseconds: 1 }).toString(), '2026-11-25T16:00:00Z');
  });
});
