// Compiles the server to one ES module, server/dist/main.js, so `npm start` runs plain JavaScript.
// Workspace code (server/src, @kaidan/shared's .ts files) is bundled; every npm dependency stays an
// import from node_modules, so PGlite still finds its .wasm/.data files next to its own module.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url);
const deps = (dir) =>
  Object.keys(JSON.parse(readFileSync(new URL(`${dir}/package.json`, root), 'utf8')).dependencies ?? {});
const external = [...new Set([...deps('server'), ...deps('shared')])].filter(
  (d) => !d.startsWith('@kaidan/'),
);

await build({
  entryPoints: [new URL('server/src/main.ts', root).pathname],
  outfile: new URL('server/dist/main.js', root).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: external.flatMap((d) => [d, `${d}/*`]),
  logLevel: 'warning',
});

// A migrated PGlite data directory beside the bundle, so `npm start` on an empty data directory skips
// initdb (server/src/platform/db/data-dir-template.ts). Rebuilt only when PGlite or a migration changes:
// the key is computed here as templateKey() does, so an unchanged build does not load the server at all
// (if the two ever differ, the server just ignores the template and runs initdb).
const migrations = new URL('server/migrations/', root);
const pglitePkg = new URL('node_modules/@electric-sql/pglite/package.json', root);
const key = createHash('sha256').update(`pglite ${JSON.parse(readFileSync(pglitePkg, 'utf8')).version}\n`);
for (const name of readdirSync(migrations)
  .filter((f) => f.endsWith('.sql'))
  .sort()) {
  key.update(`${name}\n${readFileSync(new URL(name, migrations), 'utf8')}\n`);
}
let current;
try {
  current = JSON.parse(
    readFileSync(new URL('server/dist/pgdata-template/kaidan-template.json', root), 'utf8'),
  ).key;
} catch {}
if (current !== key.digest('hex')) {
  const { DATABASE_URL: _ignored, ...env } = process.env;
  execFileSync(process.execPath, [new URL('server/dist/main.js', root).pathname, 'template'], {
    env: { ...env, LOG_LEVEL: 'warn' },
    stdio: 'inherit',
  });
}
