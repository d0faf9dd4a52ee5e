import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
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
