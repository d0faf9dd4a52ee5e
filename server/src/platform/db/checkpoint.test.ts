import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { openDatabase } from './database';

// PGlite has no checkpointer process: without our timer the WAL only grows (docs/performance.md soak).
describe('PGlite on disk checkpoints on a timer (issue #11 soak: WAL growth)', () => {
  it('the checkpoint position moves on by itself while the server runs, and the timer stops on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-ckpt-'));
    const database = await openDatabase({ dataDir: dir, checkpointMs: 100 });
    try {
      const { db } = database;
      const lsn = async () =>
        (
          await sql<{ lsn: string }>`select checkpoint_lsn::text as lsn from pg_control_checkpoint()`.execute(
            db,
          )
        ).rows[0]?.lsn;
      await sql`create table wal_filler (pad text)`.execute(db);
      const before = await lsn();
      await sql`insert into wal_filler select repeat('x', 500) from generate_series(1, 2000)`.execute(db);
      let now = before;
      for (let i = 0; i < 100 && now === before; i++) {
        await new Promise((r) => setTimeout(r, 50));
        now = await lsn();
      }
      assert.notEqual(now, before, 'a checkpoint ran without anybody asking for it');
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('PGlite keeps a bounded WAL (soak: 1.6 GB data directory)', () => {
  it('after a checkpoint, recycled WAL stays near max_wal_size (64 MB), not Postgres’ 1 GB default', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kaidan-wal-'));
    const database = await openDatabase({ dataDir: dir, checkpointMs: 3_600_000 });
    try {
      const { db } = database;
      const setting = await sql<{ v: string }>`select current_setting('max_wal_size') as v`.execute(db);
      assert.equal(setting.rows[0]?.v, '64MB');
      await sql`create table wal_filler (pad text)`.execute(db);
      // ~200 MB of WAL: three times the cap, so segments beyond it must be removed, not kept for reuse.
      for (let i = 0; i < 4; i++) {
        await sql`insert into wal_filler select repeat(md5(g::text), 32) from generate_series(1, 40000) g`.execute(
          db,
        );
        await sql`delete from wal_filler`.execute(db);
        await sql`checkpoint`.execute(db);
      }
      const wal = readdirSync(join(dir, 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f));
      const mb = (wal.length * 16 * 1024 * 1024) / 1e6;
      assert.ok(
        wal.length <= 5,
        `pg_wal holds ${wal.length} segments (${mb} MB); the cap is 4 of 16 MB and the one in use`,
      );
    } finally {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
