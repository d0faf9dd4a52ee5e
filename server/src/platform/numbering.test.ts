import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDatabase } from '../testing/test-db';
import { FakeClock } from './clock';
import { nextNumber } from './numbering-store';

describe('human document numbers', async () => {
  const { db } = await useTestDatabase();

  it('numbers follow the Asia/Shanghai business day, not UTC', async () => {
    // 2026-11-25 16:30 UTC is already 2026-11-26 00:30 in Shanghai.
    const clock = new FakeClock('2026-11-25T16:30:00Z');
    assert.equal(await nextNumber(db, clock, 'order', 'KD'), 'KD-20261126-0001');
    assert.equal(await nextNumber(db, clock, 'order', 'KD'), 'KD-20261126-0002');
    clock.advance({ days: 1 });
    assert.equal(await nextNumber(db, clock, 'order', 'KD'), 'KD-20261127-0001');
  });

  it('concurrent transactions get distinct, gapless numbers', async () => {
    const clock = new FakeClock('2026-11-20T02:00:00Z');
    const got = await Promise.all(
      Array.from({ length: 25 }, () =>
        db.transaction().execute((tx) => nextNumber(tx, clock, 'refund', 'RF')),
      ),
    );
    const expected = Array.from({ length: 25 }, (_, i) => `RF-20261120-${String(i + 1).padStart(4, '0')}`);
    assert.deepEqual([...got].sort(), expected);
  });
});
