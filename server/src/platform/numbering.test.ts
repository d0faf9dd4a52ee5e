import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ENGINE, useTestDatabase } from '../testing/test-db';
import { FakeClock } from './clock';
import { NUMBER_DIGITS, nextNumber } from './numbering-store';

const FORMAT = new RegExp(`^SO-(\\d{8})-(\\d{${NUMBER_DIGITS}})$`);
const seq = (n: string) => Number(FORMAT.exec(n)?.[2]);

describe('human document numbers', async () => {
  const { db } = await useTestDatabase();

  it('S-11 numbers are PREFIX-YYYYMMDD-NNNNNN on the Asia/Shanghai business day of the injected clock', async () => {
    // 2026-11-25 16:30 UTC is already 2026-11-26 00:30 in Shanghai.
    const clock = new FakeClock('2026-11-25T16:30:00Z');
    const a = await nextNumber(db, clock, 'order', 'SO');
    const b = await nextNumber(db, clock, 'order', 'SO');
    assert.match(a, /^SO-20261126-\d{6}$/);
    assert.ok(seq(b) > seq(a), `${b} after ${a}`);
    clock.advance({ days: 1 });
    const c = await nextNumber(db, clock, 'order', 'SO');
    assert.match(c, /^SO-20261127-\d{6}$/);
    assert.ok(
      [a, b, c].every((x, i, all) => i === 0 || (all[i - 1] ?? '') < x),
      'sortable by day',
    );
    assert.match(await nextNumber(db, clock, 'request', 'RQ'), /^RQ-20261127-\d{6}$/);
  });

  it('S-11 concurrent transactions get distinct numbers; a rolled-back one leaves a gap, never a duplicate', async () => {
    const clock = new FakeClock('2026-11-20T02:00:00Z');
    const got = await Promise.all(
      Array.from({ length: 50 }, () =>
        db.transaction().execute((tx) => nextNumber(tx, clock, 'order', 'SO')),
      ),
    );
    assert.equal(new Set(got).size, 50);
    const lost = await db
      .transaction()
      .execute(async (tx) => {
        await nextNumber(tx, clock, 'order', 'SO');
        throw new Error('rolled back');
      })
      .catch(() => 'rolled back');
    assert.equal(lost, 'rolled back');
    const next = await nextNumber(db, clock, 'order', 'SO');
    assert.ok(!got.includes(next));
    assert.ok(seq(next) > Math.max(...got.map(seq)) + 1, 'the rolled-back number is not reused');
  });

  it('S-11 an open transaction holding a number does not make the next order wait (no counter row)', {
    skip: ENGINE !== 'postgres' && 'PGlite runs one transaction at a time by design',
  }, async () => {
    const clock = new FakeClock('2026-11-20T02:00:00Z');
    let release: () => void = () => {};
    const held = new Promise<void>((r) => {
      release = r;
    });
    let first = '';
    const open = db.transaction().execute(async (tx) => {
      first = await nextNumber(tx, clock, 'order', 'SO');
      await held;
    });
    while (!first) await new Promise((r) => setTimeout(r, 5));
    const second = db.transaction().execute((tx) => nextNumber(tx, clock, 'order', 'SO'));
    const raced = await Promise.race([second, new Promise((r) => setTimeout(() => r('waited'), 2000))]);
    release();
    await open;
    assert.notEqual(raced, 'waited', 'the second number waited for the first transaction to commit');
    assert.notEqual(raced, first);
  });
});
