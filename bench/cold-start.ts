// Benchmark (not a test): cold start of the compiled server with `serve --demo` — spawn to the first
// healthy answer — on PGlite with an empty data directory (from the build's template, and without it:
// initdb) and with an existing one, and on PostgreSQL (empty database) when 127.0.0.1:5432 answers.
// Prints the server's own split (module load, database open, migrations, seed). `npm run bench:cold-start`;
// BENCH_COLD_RUNS (default 3) runs of each.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { freePort, HOST } from './http-kit';

const RUNS = Number(process.env.BENCH_COLD_RUNS ?? 3);
const TEMPLATE = 'server/dist/pgdata-template';

async function start(env: Record<string, string>): Promise<{ ms: number; split: Record<string, number> }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, ['server/dist/main.js', 'serve', '--demo'], {
    env: { ...process.env, ...env, HOST, PORT: String(port), LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let split: Record<string, number> = {};
  createInterface({ input: child.stdout }).on('line', (line) => {
    try {
      const rec = JSON.parse(line) as { startup?: Record<string, number> };
      if (rec.startup) split = rec.startup;
    } catch {}
  });
  const ended = new Promise((r) => child.once('exit', r));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error('the server exited before it answered');
      try {
        if ((await fetch(`http://${HOST}:${port}/api/v1/health`)).ok) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 20));
    }
    return { ms: performance.now() - t0, split };
  } finally {
    child.kill('SIGTERM');
    await ended;
  }
}

const fmt = (r: { ms: number; split: Record<string, number> }) => {
  const s = r.split;
  const d = (a: string, b: string) => ((s[b] ?? 0) - (s[a] ?? 0)).toFixed(0);
  return `${(r.ms / 1000).toFixed(2)} s (load ${s.loaded ?? '?'} ms, open ${d('loaded', 'opened')}, migrate ${d('opened', 'migrated')}, seed ${d('migrated', 'seeded')}, listen ${d('seeded', 'listening')})`;
};

async function pglite(label: string, reuse: boolean) {
  const dir = mkdtempSync(join(tmpdir(), 'kaidan-cold-'));
  try {
    if (reuse) await start({ KAIDAN_DATA: dir }); // the first start makes the data directory
    for (let i = 0; i < RUNS; i++) {
      const run = reuse ? dir : mkdtempSync(join(tmpdir(), 'kaidan-cold-'));
      try {
        console.log(`PGlite, ${label}: ${fmt(await start({ KAIDAN_DATA: run }))}`);
      } finally {
        if (!reuse) rmSync(run, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (!existsSync(TEMPLATE)) console.log(`no ${TEMPLATE}: run \`npm run build -w server\` first`);
await pglite('empty data directory, from the template', false);
await pglite('existing data directory', true);
renameSync(TEMPLATE, `${TEMPLATE}-off`);
try {
  await pglite('empty data directory, initdb (template moved away)', false);
} finally {
  renameSync(`${TEMPLATE}-off`, TEMPLATE);
}
const up = await new Promise<boolean>((resolve) => {
  const s = connect(5432, HOST);
  s.once('connect', () => resolve(Boolean(s.end())));
  s.once('error', () => resolve(false));
});
if (up) {
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: `postgres://postgres@${HOST}:5432/postgres` });
    await c.connect();
    await c.query(q).finally(() => c.end());
  };
  for (let i = 0; i < RUNS; i++) {
    const name = `kaidan_cold_${Date.now()}`;
    await admin(`create database ${name}`);
    try {
      const r = await start({ DATABASE_URL: `postgres://postgres@${HOST}:5432/${name}` });
      console.log(`PostgreSQL, empty database: ${fmt(r)}`);
    } finally {
      await admin(`drop database if exists ${name} with (force)`);
    }
  }
}
