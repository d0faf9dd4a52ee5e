// Soak benchmark (not a test): a steady closed loop of orders against the compiled server for
// BENCH_SOAK_SECONDS (default 1800), on PGlite and (when 127.0.0.1:5432 answers) PostgreSQL. Samples the
// server's resident memory from /proc every 10 s and prints start, end, min, max, the drift (issue #11
// goal: ±15%) and orders/s per minute. `npm run bench:soak`; BENCH_SOAK_CLIENTS (default 16) clients,
// each on its own partner wallet; BENCH_SOAK_ENGINES=pglite,postgres to pick engines.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { closedLoop, cpuMs, HOST, percentile, startServer } from './http-kit';
import { api, buildBenchWorld, orderBody } from './http-setup';

const SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 1800);
const CLIENTS = Number(process.env.BENCH_SOAK_CLIENTS ?? 16);
const ENGINES = (process.env.BENCH_SOAK_ENGINES ?? 'pglite,postgres').split(',');
const SAMPLE_MS = 10_000;
const ADMIN_URL = `postgres://postgres@${HOST}:5432/postgres`;

/** Resident set size of a process in MiB (VmRSS of /proc/<pid>/status). */
function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(m?.[1] ?? 0) / 1024;
}

function dirMiB(dir: string): number {
  let bytes = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) bytes += statSync(join(e.parentPath, e.name)).size;
  }
  return bytes / 1024 / 1024;
}

const reachable = () =>
  new Promise<boolean>((resolve) => {
    const s = connect(5432, HOST);
    s.once('connect', () => resolve(Boolean(s.end())));
    s.once('error', () => resolve(false));
  });

async function adminSql(text: string) {
  const c = new pg.Client({ connectionString: ADMIN_URL });
  await c.connect();
  try {
    await c.query(text);
  } finally {
    await c.end();
  }
}

async function soak(engine: string, env: Record<string, string>, dataDir?: string) {
  const server = await startServer(env);
  try {
    const world = await buildBenchWorld(server.base, CLIENTS, () => 1);
    let ok = 0;
    let seq = 0;
    const send = async (c: number) => {
      const p = world[c];
      if (!p) return { ok: false, error: `no partner ${c}` };
      const r = await api(server.base, p.agent, 'POST', '/api/v1/orders', orderBody(p.companies[0] ?? ''), {
        'idempotency-key': `soak-${process.pid}-${++seq}`,
      });
      const paid = r.status === 201 && r.body.state === 'paid';
      if (paid) ok += 1;
      return paid ? { ok: true } : { ok: false, error: `${r.status} ${r.text.slice(0, 200)}` };
    };
    const samples: { s: number; rss: number; ok: number }[] = [];
    const t0 = performance.now();
    const cpu0 = cpuMs(server.pid);
    const sample = () => samples.push({ s: (performance.now() - t0) / 1000, rss: rssMiB(server.pid), ok });
    sample();
    const timer = setInterval(() => {
      sample();
      const last = samples.at(-1);
      if (last && Math.round(last.s) % 60 < 10)
        console.log(`  ${engine} ${last.s.toFixed(0)} s: RSS ${last.rss.toFixed(1)} MiB, ${last.ok} orders`);
    }, SAMPLE_MS);
    const phase = await closedLoop(CLIENTS, SECONDS, Number.POSITIVE_INFINITY, send).finally(() =>
      clearInterval(timer),
    );
    sample();
    const cpu = cpuMs(server.pid) - cpu0;
    print(engine, samples, phase, cpu, dataDir);
  } finally {
    await server.stop();
  }
}

function print(
  engine: string,
  samples: { s: number; rss: number; ok: number }[],
  phase: Awaited<ReturnType<typeof closedLoop>>,
  cpu: number,
  dataDir?: string,
) {
  const rss = samples.map((x) => x.rss);
  const start = rss[0] ?? 0;
  const end = rss.at(-1) ?? 0;
  // After the first minute: caches, JIT and PGlite's WebAssembly memory have grown to their working size.
  const settled = samples.find((x) => x.s >= 60)?.rss;
  const drift = (from: number) => `${(((end - from) / from) * 100).toFixed(1)}%`;
  const sorted = [...phase.latencies].sort((a, b) => a - b);
  console.log(
    `\n## ${engine}: ${CLIENTS} clients, ${(phase.wallMs / 1000).toFixed(0)} s, ${phase.ok} orders paid, ${phase.failed} failed` +
      `${phase.firstError ? ` (first: ${phase.firstError})` : ''}`,
  );
  console.log(
    `RSS MiB: start ${start.toFixed(1)}, end ${end.toFixed(1)}, min ${Math.min(...rss).toFixed(1)}, ` +
      `max ${Math.max(...rss).toFixed(1)}; drift ${drift(start)} from the start` +
      `${settled === undefined ? '' : `, ${drift(settled)} from minute 1 (${settled.toFixed(1)} MiB)`} (goal ±15%)`,
  );
  console.log(
    `orders/s ${(phase.ok / (phase.wallMs / 1000)).toFixed(1)}, p50 ${percentile(sorted, 50).toFixed(0)} ms, ` +
      `p99 ${percentile(sorted, 99).toFixed(0)} ms, server CPU ${(cpu / Math.max(1, phase.ok)).toFixed(1)} ms/order` +
      `${dataDir ? `, data directory ${dirMiB(dataDir).toFixed(0)} MiB` : ''}`,
  );
  const perMinute: string[] = [];
  for (let m = 1; ; m++) {
    const a = samples.findLast((x) => x.s <= (m - 1) * 60 + 1);
    const b = samples.find((x) => x.s >= m * 60 - 1) ?? (m === 1 ? samples.at(-1) : undefined);
    if (!a || !b || b === a) break;
    perMinute.push(((b.ok - a.ok) / (b.s - a.s)).toFixed(1));
    if (b === samples.at(-1)) break;
  }
  console.log(`orders/s per minute: ${perMinute.join(' ')}`);
}

console.log(
  `# npm run bench:soak — ${SECONDS} s per engine, ${CLIENTS} clients, RSS every ${SAMPLE_MS / 1000} s`,
);
if (ENGINES.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaidan-soak-'));
  try {
    await soak('PGlite', { KAIDAN_DATA: dataDir }, dataDir);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
if (ENGINES.includes('postgres')) {
  if (await reachable()) {
    const dbName = `kaidan_soak_${Date.now()}`;
    await adminSql(`create database ${dbName}`);
    try {
      await soak('PostgreSQL', { DATABASE_URL: `postgres://postgres@${HOST}:5432/${dbName}` });
    } finally {
      await adminSql(`drop database if exists ${dbName} with (force)`);
    }
  } else console.log('\nPostgreSQL at 127.0.0.1:5432 does not answer: PostgreSQL skipped');
}
