import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { templateKey } from '../platform/db/data-dir-template';
import { type Database, type DatabaseOptions, openDatabase } from '../platform/db/database';
import { migrate, readMigrations } from '../platform/db/migrate';

// Each test suite gets its own freshly migrated database on the engine under test:
// PGlite (default) clones a migrated in-memory template; KAIDAN_TEST_ENGINE=postgres creates a
// database from a migrated template on the server named by TEST_DATABASE_URL.
export const ENGINE = process.env.KAIDAN_TEST_ENGINE === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let pgliteTemplate: Promise<Blob> | undefined;
let pgTemplate: Promise<string> | undefined;

// initdb and the migrations cost a PGlite process ~5 s of CPU; every test file is a process, so the
// migrated dump is kept in the temp directory under the key of the PGlite version and every migration
// (as the server's build template is) and published by rename, whole or not at all.
async function buildPgliteTemplate(): Promise<Blob> {
  const file = join(tmpdir(), `kaidan-test-pglite-${templateKey(readMigrations()).slice(0, 16)}.tar`);
  try {
    return new Blob([readFileSync(file)]);
  } catch {
    // Not built yet on this machine.
  }
  const tmp = await openDatabase({ dataDir: 'memory://' });
  await migrate(tmp.db);
  if (!tmp.dump) throw new Error('PGlite database without dump');
  const blob = await tmp.dump();
  await tmp.close();
  const part = `${file}.${process.pid}.part`;
  writeFileSync(part, Buffer.from(await blob.arrayBuffer()));
  renameSync(part, file);
  return blob;
}

function templateName(): string {
  const names = readMigrations()
    .map((m) => `${m.name}:${m.sql.length}`)
    .join('|');
  let h = 0;
  for (let i = 0; i < names.length; i++) h = (h * 31 + names.charCodeAt(i)) | 0;
  return `kaidan_tpl_${(h >>> 0).toString(16)}`;
}

// Test files run in parallel processes: each builds under its own name and publishes by rename, so no
// process ever copies a template that another is still migrating.
async function buildPgTemplate(): Promise<string> {
  const name = templateName();
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount !== 0) return name;
    const building = `${name}_b_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`create database ${building}`);
    const d = await openDatabase({ url: urlFor(building), poolSize: 1 });
    await migrate(d.db);
    await d.close();
    try {
      await admin.query(`alter database ${building} rename to ${name}`);
    } catch (e) {
      // Another process published first (42P04 duplicate_database): use theirs.
      if (!(e instanceof pg.DatabaseError && e.code === '42P04')) throw e;
      await admin.query(`drop database ${building}`);
    }
  } finally {
    await admin.end();
  }
  return name;
}

function urlFor(db: string): string {
  const u = new URL(ADMIN_URL);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function testDatabase(): Promise<Database> {
  if (ENGINE === 'pglite') {
    pgliteTemplate ??= buildPgliteTemplate();
    return openDatabase({ dataDir: 'memory://', loadDataDir: await pgliteTemplate });
  }
  const { url, drop } = await pgTestDatabase();
  const d = await openDatabase({ url, poolSize: 20 });
  return {
    ...d,
    close: async () => {
      await d.close();
      await drop();
    },
  };
}

/** PostgreSQL only: a fresh migrated database for a test that runs the server as a child process. */
export async function pgTestDatabase(): Promise<{ url: string; drop: (force?: boolean) => Promise<void> }> {
  pgTemplate ??= buildPgTemplate();
  const tpl = await pgTemplate;
  const name = `kaidan_t_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name} template ${tpl}`);
  await admin.end();
  // `force` only where a killed child may have left sessions behind: a pool that has just ended may still
  // be closing its sockets, and a forced drop would answer them with an error.
  const drop = async (force = false) => {
    const a = new pg.Client({ connectionString: ADMIN_URL });
    await a.connect();
    await a.query(`drop database if exists ${name}${force ? ' with (force)' : ''}`);
    await a.end();
  };
  return { url: urlFor(name), drop };
}

/**
 * A fresh migrated database of the engine under test opened with options of the test's own (statement
 * counting, commit watch); closed when the file's tests end, or by `closeWith` (a test's own `t.after`:
 * a suite whose async body runs beside another's may get its hook registered on that other suite).
 * `url` is PostgreSQL's, for a second instance.
 */
export async function freshTestDatabase(
  opts: Omit<DatabaseOptions, 'url' | 'dataDir' | 'loadDataDir'> = {},
  closeWith: (close: () => Promise<void>) => void = after,
): Promise<{ database: Database; url: string | undefined }> {
  const pgDb = ENGINE === 'postgres' ? await pgTestDatabase() : undefined;
  if (!pgDb) pgliteTemplate ??= buildPgliteTemplate();
  const database = await openDatabase({
    ...opts,
    url: pgDb?.url,
    dataDir: 'memory://',
    ...(pgDb ? {} : { loadDataDir: await pgliteTemplate }),
  });
  closeWith(async () => {
    await database.close();
    await pgDb?.drop();
  });
  return { database, url: pgDb?.url };
}

/** A database for the current test file, closed when the file's tests end. */
export async function useTestDatabase(): Promise<Database> {
  const d = await testDatabase();
  after(() => d.close());
  return d;
}

export { sql };
