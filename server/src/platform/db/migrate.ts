import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { Db } from './executor';
import { transact } from './transact';

// server/migrations, seen from the bundle in server/dist or from this file in server/src/platform/db (tsx).
export const MIGRATIONS_DIR =
  [join(import.meta.dirname, '../migrations'), join(import.meta.dirname, '../../../migrations')].find((d) =>
    existsSync(d),
  ) ?? join(import.meta.dirname, '../../../migrations');
const NAME = /^\d{4}_\d{2}_\d{2}_\d{4}__[a-z0-9_]+\.sql$/;

export interface MigrationFile {
  name: string;
  sql: string;
}

/** Reads and checks the migration files: well-formed names, no duplicates of one timestamp. */
export function readMigrations(dir = MIGRATIONS_DIR): MigrationFile[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  const stamps = new Set<string>();
  for (const n of names) {
    if (!NAME.test(n))
      throw new Error(`migration ${n}: name must look like 2026_11_22_0930__create_orders.sql`);
    const stamp = n.slice(0, 15);
    if (stamps.has(stamp)) throw new Error(`migration ${n}: another migration has the timestamp ${stamp}`);
    stamps.add(stamp);
  }
  return names.map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Checks applied ⊆ files, and that no pending file sorts before the last applied one. */
export function planMigrations(files: MigrationFile[], applied: string[]): MigrationFile[] {
  const known = new Set(files.map((f) => f.name));
  for (const a of applied) {
    if (!known.has(a)) throw new Error(`migration ${a} is applied in the database but its file is missing`);
  }
  const done = new Set(applied);
  const last = [...applied].sort().at(-1) ?? '';
  const pending = files.filter((f) => !done.has(f.name));
  for (const p of pending) {
    if (p.name < last) throw new Error(`migration ${p.name} is older than the applied ${last}: out of order`);
  }
  return pending;
}

export async function migrate(db: Db, files = readMigrations()): Promise<string[]> {
  return transact(db, async (tx) => {
    await sql`create table if not exists schema_migrations (
      name text primary key, applied_at timestamptz not null default now())`.execute(tx);
    // Serialises concurrent starters on a server; harmless on PGlite.
    await sql`select pg_advisory_xact_lock(4201)`.execute(tx);
    const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(tx);
    const pending = planMigrations(
      files,
      rows.map((r) => r.name),
    );
    for (const m of pending) {
      await sql.raw(m.sql).execute(tx);
      await sql`insert into schema_migrations (name) values (${m.name})`.execute(tx);
    }
    return pending.map((m) => m.name);
  });
}
