import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ENGINE } from '../../testing/test-db';
import { buildTemplate, copyTemplate, templateKey } from './data-dir-template';
import { openDatabase } from './database';
import { migrate, readMigrations } from './migrate';

// S-11 cold start: PGlite only (PostgreSQL has no data directory of ours).
describe('S-11 an empty PGlite data directory starts from the build template', {
  skip: ENGINE !== 'pglite',
}, () => {
  const root = mkdtempSync(join(tmpdir(), 'kaidan-tpl-test-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const files = readMigrations();
  const key = templateKey(files);
  const tpl = join(root, 'pgdata-template');
  const migrateInto = async (dataDir: string) => {
    const d = await openDatabase({ dataDir });
    await migrate(d.db, files).finally(() => d.close());
  };

  it('S-11 builds the template once per key, and a copy opens with nothing left to migrate', async () => {
    assert.equal(await buildTemplate(tpl, key, migrateInto), true);
    assert.equal(await buildTemplate(tpl, key, migrateInto), false, 'up to date: not built again');
    assert.equal(existsSync(join(tpl, 'kaidan.lock')), false, 'no lock file of the builder left in it');
    const dataDir = join(root, 'fresh');
    const d = await openDatabase({ dataDir, template: { dir: tpl, key } });
    try {
      assert.deepEqual(await migrate(d.db, files), []);
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from schema_migrations`.execute(
        d.db,
      );
      assert.equal(rows[0]?.n, files.length);
      await sql`create table t_tpl (id int)`.execute(d.db);
    } finally {
      await d.close();
    }
    assert.equal(copyTemplate(dataDir, { dir: tpl, key }), false, 'a data directory with a database is kept');
    const again = await openDatabase({ dataDir, template: { dir: tpl, key } });
    try {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from t_tpl`.execute(again.db);
      assert.equal(rows[0]?.n, 0, 'the table made after the copy is still there');
    } finally {
      await again.close();
    }
  });

  it('S-11 a template made for other migrations or another PGlite is not used', () => {
    const dataDir = join(root, 'other');
    assert.equal(copyTemplate(dataDir, { dir: tpl, key: `${key}x` }), false);
    assert.equal(existsSync(join(dataDir, 'PG_VERSION')), false);
    assert.notEqual(templateKey([...files, { name: '2099_01_01_0000__later.sql', sql: 'select 1' }]), key);
  });

  it('S-11 a copy cut short (no PG_VERSION yet) is copied again, not opened as a database', () => {
    const dataDir = join(root, 'cut');
    assert.equal(copyTemplate(dataDir, { dir: tpl, key }), true);
    rmSync(join(dataDir, 'PG_VERSION'));
    writeFileSync(join(dataDir, 'postgresql.conf'), '# torn');
    assert.equal(copyTemplate(dataDir, { dir: tpl, key }), true);
    assert.equal(existsSync(join(dataDir, 'PG_VERSION')), true);
  });
});
