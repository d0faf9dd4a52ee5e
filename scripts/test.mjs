// Runs the whole suite once per engine: embedded PGlite, then the PostgreSQL server.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const roots = ['shared/src', 'server/src', 'web/e2e'];
const files = roots.flatMap((root) =>
  readdirSync(root, { recursive: true, withFileTypes: false })
    .map(String)
    .filter((f) => f.endsWith('.test.ts'))
    .map((f) => join(root, f)),
);
const only = process.env.KAIDAN_TEST_ENGINE;
const engines = only ? [only] : ['pglite', 'postgres'];
// Node runs one file at a time on a two-core machine (cores - 1); most files wait on a database or a
// browser, so two or more at once keep both cores busy and halve the wall time.
const concurrency = process.env.KAIDAN_TEST_CONCURRENCY ?? '3';
// The console is built once, before any browser test starts: parallel files then never wait on (or race)
// one another's build.
const built = spawnSync(
  process.execPath,
  ['--import', 'tsx', '-e', "await (await import('./web/e2e/build-console.ts')).ensureConsoleBuilt()"],
  { stdio: 'inherit' },
);
if (built.status !== 0) process.exit(built.status ?? 1);
let failed = false;
// The output ends with the last engine's own summary; an earlier engine's verdict is printed before the
// next one starts, so a failure there is not lost below a passing run.
for (const [i, engine] of engines.entries()) {
  if (i > 0) console.log(`=== engine ${engines[i - 1]}: ${failed ? 'FAILED' : 'passed'} ===`);
  console.log(`\n=== engine: ${engine} (${files.length} test files) ===`);
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--test', `--test-concurrency=${concurrency}`, '--test-reporter=spec', ...files],
    {
      stdio: 'inherit',
      env: { ...process.env, KAIDAN_TEST_ENGINE: engine },
    },
  );
  if (r.status !== 0) failed = true;
}
process.exit(failed ? 1 : 0);
