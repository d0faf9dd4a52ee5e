// A fresh PGlite data directory costs initdb: a second PostgreSQL instance in WebAssembly, 1.5–2.5 s of the
// 5 s cold start. The build (scripts/build-server.mjs → `main.js template`) makes one migrated data
// directory next to the bundle; a server starting on an empty data directory copies it instead and then
// migrates and seeds as usual. The copy is keyed by the PGlite version and every migration file, so a
// template from other migrations or another PGlite is ignored (initdb as before).
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { MigrationFile } from './migrate';

const KEY_FILE = 'kaidan-template.json';
// Written last, so a copy cut short by a crash is not taken for a database on the next start.
const MARKER = 'PG_VERSION';

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '../package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

export function templateKey(files: MigrationFile[]): string {
  const h = createHash('sha256').update(`pglite ${pgliteVersion()}\n`);
  for (const f of files) h.update(`${f.name}\n${f.sql}\n`);
  return h.digest('hex');
}

const keyOf = (dir: string): string | undefined => {
  try {
    return (JSON.parse(readFileSync(join(dir, KEY_FILE), 'utf8')) as { key?: string }).key;
  } catch {
    return undefined;
  }
};

/**
 * Makes `templateDir` a migrated data directory for `key` unless it already is; `migrateInto` opens the
 * given directory, migrates it and closes it. Returns whether it built one.
 */
export async function buildTemplate(
  templateDir: string,
  key: string,
  migrateInto: (dataDir: string) => Promise<void>,
): Promise<boolean> {
  if (keyOf(templateDir) === key && existsSync(join(templateDir, MARKER))) return false;
  const tmp = mkdtempSync(`${templateDir}-tmp-`);
  try {
    await migrateInto(tmp);
    rmSync(join(tmp, 'kaidan.lock'), { force: true });
    writeFileSync(join(tmp, KEY_FILE), JSON.stringify({ key }));
    rmSync(templateDir, { recursive: true, force: true });
    renameSync(tmp, templateDir);
    return true;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// fs.cpSync checks every entry several times: 150–800 ms for this tree of ~1,150 files; plain copies 60–110 ms.
function copyTree(from: string, to: string, keep: (name: string) => boolean = () => true): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from, { withFileTypes: true })) {
    if (!keep(e.name)) continue;
    if (e.isDirectory()) copyTree(join(from, e.name), join(to, e.name));
    else copyFileSync(join(from, e.name), join(to, e.name));
  }
}

/** Copies the template into `dataDir` when that holds no database yet and the template is for `key`. */
export function copyTemplate(dataDir: string, template: { dir: string; key: string }): boolean {
  if (existsSync(join(dataDir, MARKER))) return false;
  if (keyOf(template.dir) !== template.key || !existsSync(join(template.dir, MARKER))) return false;
  copyTree(template.dir, dataDir, (name) => name !== KEY_FILE && name !== MARKER);
  copyFileSync(join(template.dir, MARKER), join(dataDir, MARKER));
  return true;
}
