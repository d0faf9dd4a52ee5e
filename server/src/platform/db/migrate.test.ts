import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { lockDataDir } from './data-dir-lock';
import { planMigrations, readMigrations } from './migrate';

const file = (name: string) => ({ name, sql: 'select 1' });

describe('migrations', () => {
  it('the shipped migrations have well-formed, unique timestamped names', () => {
    const names = readMigrations().map((m) => m.name);
    assert.ok(names.length > 0);
    assert.deepEqual([...names].sort(), names);
  });

  it('refuses two migrations with the same timestamp', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-mig-'));
    writeFileSync(join(dir, '2026_11_25_0400__a.sql'), 'select 1');
    writeFileSync(join(dir, '2026_11_25_0400__b.sql'), 'select 1');
    assert.throws(() => readMigrations(dir), /another migration has the timestamp/);
  });

  it('refuses a badly named migration', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-mig-'));
    writeFileSync(join(dir, 'create_orders.sql'), 'select 1');
    assert.throws(() => readMigrations(dir), /name must look like/);
  });

  it('refuses a pending migration older than one already applied', () => {
    const files = [
      file('2026_11_25_0400__a.sql'),
      file('2026_11_25_0500__b.sql'),
      file('2026_11_25_0600__c.sql'),
    ];
    assert.throws(
      () => planMigrations(files, ['2026_11_25_0400__a.sql', '2026_11_25_0600__c.sql']),
      /out of order/,
    );
    assert.deepEqual(
      planMigrations(files, ['2026_11_25_0400__a.sql']).map((f) => f.name),
      ['2026_11_25_0500__b.sql', '2026_11_25_0600__c.sql'],
    );
  });

  it('refuses to run when an applied migration has no file', () => {
    assert.throws(
      () => planMigrations([file('2026_11_25_0400__a.sql')], ['2026_11_24_0400__gone.sql']),
      /missing/,
    );
  });
});

describe('PGlite data directory lock', () => {
  it('a second process on the same data directory fails fast and names the holder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-lock-'));
    // The parent process is alive: it stands in for another Kaidan holding the directory.
    writeFileSync(join(dir, 'kaidan.lock'), String(process.ppid));
    assert.throws(
      () => lockDataDir(dir),
      (e: Error) => e.message.includes(String(process.ppid)),
    );
  });

  it('takes over a lock left by a process that is gone, and releases it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-lock-'));
    writeFileSync(join(dir, 'kaidan.lock'), '2147483646');
    const unlock = lockDataDir(dir);
    assert.equal(readFileSync(join(dir, 'kaidan.lock'), 'utf8'), String(process.pid));
    unlock();
    const again = lockDataDir(dir);
    again();
  });
});
