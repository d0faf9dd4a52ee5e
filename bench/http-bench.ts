// Benchmark (not a test): orders per second through the HTTP API, on PGlite and (when 127.0.0.1:5432
// answers) PostgreSQL, with pgbench TPC-B beside it; the email jobs each order enqueues, delivered to a real
// SMTP receiver, and how fast they drain; an open-loop phase at half the 16-client rate.
// `npm run bench`; BENCH_SECONDS (default 10) per phase.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { openDatabase } from '../server/src/platform/db/database';
import { brokenInvariants } from '../server/src/testing/invariant-store';
import {
  closedLoop,
  cpuMs,
  HOST,
  type OpenPhase,
  openLoop,
  type Phase,
  percentile,
  postgresCpuMs,
  type Server,
  type ServerCounts,
  smtpSink,
  startServer,
} from './http-kit';
import { api, type BenchPartner, buildBenchWorld, FUNDING_YUAN, orderBody } from './http-setup';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const MAX_REQUESTS = Number(process.env.BENCH_MAX_REQUESTS ?? 50_000);
/** Outstanding requests the open loop allows: one per customer of the 16 spread wallets (4 each). */
const OPEN_IN_FLIGHT = 64;
/** Give up waiting for the email backlog after a phase after this long. */
const DRAIN_LIMIT_MS = 120_000;
const PGBENCH = process.env.PGBENCH ?? '/usr/lib/postgresql/15/bin/pgbench';
const ADMIN_URL = `postgres://postgres@${HOST}:5432/postgres`;

const reachable = () =>
  new Promise<boolean>((resolve) => {
    const s = connect(5432, HOST);
    s.once('connect', () => resolve(Boolean(s.end())));
    s.once('error', () => resolve(false));
  });

async function adminSql(text: string, db = 'postgres') {
  const c = new pg.Client({ connectionString: ADMIN_URL.replace(/\/postgres$/, `/${db}`) });
  await c.connect();
  try {
    return (await c.query(text)).rows as Record<string, unknown>[];
  } finally {
    await c.end();
  }
}

/** The email jobs of one phase: what the orders enqueued and how the worker kept up. */
interface JobSide {
  enqueued: number;
  drainedInPhase: number;
  maxBacklog: number;
  backlogAtEnd: number;
  /** from the phase's end until no email job was left; NaN when DRAIN_LIMIT_MS passed first */
  drainMs: number;
}

interface Row {
  label: string;
  phase: Phase | OpenPhase;
  serverCpu: number;
  pgCpu?: number;
  statements: number;
  commits?: number;
  jobs: JobSide;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inJobs = (c: ServerCounts) => c.jobs.waiting + c.jobs.done;

/** Samples the email backlog every `everyMs` while a phase runs; `stop` answers the largest seen. */
function sampleBacklog(server: Server, everyMs: number) {
  let max = 0;
  let on = true;
  const loop = (async () => {
    while (on) {
      max = Math.max(max, (await server.counts()).jobs.waiting);
      await sleep(everyMs);
    }
  })();
  return {
    stop: async () => {
      on = false;
      await loop;
      return max;
    },
  };
}

/** After a phase: polls until no email job is left, answers how long that took. */
async function drainTime(server: Server, atEnd: ServerCounts): Promise<number> {
  const t0 = performance.now();
  let c = atEnd;
  while (c.jobs.waiting > 0) {
    if (performance.now() - t0 > DRAIN_LIMIT_MS) return Number.NaN;
    await sleep(20);
    c = await server.counts();
  }
  return performance.now() - t0;
}

async function runPhases(server: Server, world: BenchPartner[], dbName?: string) {
  const commits = async () =>
    dbName
      ? Number(
          (await adminSql(`select xact_commit from pg_stat_database where datname = '${dbName}'`))[0]
            ?.xact_commit,
        )
      : 0;
  let seq = 0;
  const order = (agent: BenchPartner['agent'], companyId: string) => async () => {
    const key = `bench-${process.pid}-${++seq}`;
    const post = () =>
      api(server.base, agent, 'POST', '/api/v1/orders', orderBody(companyId), { 'idempotency-key': key });
    // A keep-alive socket the server closed as idle just as it is reused fails the fetch (seen in the open
    // loop, whose sockets idle between arrivals); the same Idempotency-Key again is what a client would do.
    const r = await post().catch(() => post());
    const ok = r.status === 201 && r.body.state === 'paid';
    return ok ? { ok } : { ok, error: `${r.status} ${r.text.slice(0, 200)}` };
  };
  const hot = world[16];
  if (!hot) throw new Error('world has no hot partner');
  const phases: [string, number, (c: number) => () => Promise<{ ok: boolean; error?: string }>][] = [
    ['1 client', 1, () => order(world[0]?.agent ?? hot.agent, world[0]?.companies[0] ?? '')],
    ['16 clients, 16 wallets', 16, (c) => order(world[c]?.agent ?? hot.agent, world[c]?.companies[0] ?? '')],
    ['64 clients, one wallet', 64, (c) => order(hot.agent, hot.companies[c] ?? '')],
  ];
  const warm = await closedLoop(1, Math.min(2, SECONDS), 30, () =>
    order(hot.agent, hot.companies[0] ?? '')(),
  );
  // the first order of every customer and the warm-up orders are stored too
  let placed = world.reduce((n, p) => n + p.companies.length, 0) + warm.ok;
  const rows: Row[] = [];
  const measure = async (label: string, run: () => Promise<Phase | OpenPhase>) => {
    const c0 = await server.counts();
    const cpu0 = cpuMs(server.pid);
    const pg0 = dbName ? postgresCpuMs() : 0;
    const x0 = await commits();
    const sampler = sampleBacklog(server, 250);
    const phase = await run();
    const serverCpu = cpuMs(server.pid) - cpu0;
    const pgCpu = dbName ? postgresCpuMs() - pg0 : undefined;
    const c1 = await server.counts();
    const maxBacklog = Math.max(await sampler.stop(), c1.jobs.waiting);
    const tEnd = performance.now();
    const drainMs = await drainTime(server, c1);
    // PostgreSQL flushes its statistics about once a second
    await sleep(Math.max(0, 1100 - (performance.now() - tEnd)));
    const x1 = await commits();
    rows.push({
      label,
      phase,
      serverCpu,
      statements: c1.statements - c0.statements,
      ...(pgCpu === undefined ? {} : { pgCpu, commits: x1 - x0 }),
      jobs: {
        enqueued: inJobs(c1) - inJobs(c0),
        drainedInPhase: c1.jobs.done - c0.jobs.done,
        maxBacklog,
        backlogAtEnd: c1.jobs.waiting,
        drainMs,
      },
    });
    placed += phase.ok;
    return phase;
  };
  for (const [label, clients, send] of phases) {
    const senders = Array.from({ length: clients }, (_, c) => send(c));
    const phase = await measure(label, () =>
      closedLoop(clients, SECONDS, MAX_REQUESTS, (c) => senders[c]?.() ?? Promise.resolve({ ok: false })),
    );
    if (clients !== 16) continue;
    // Open loop right after the 16-client closed loop: half its rate, spread over the 16 wallets' customers,
    // one in-flight slot per customer so no two orders of one customer overlap.
    const rate = phase.ok / (phase.wallMs / 1000) / 2;
    const spread = world.slice(0, 16);
    const customers = spread.flatMap((_, k) =>
      spread.map((p) => ({ agent: p.agent, company: p.companies[k] })),
    );
    const slots = customers.filter((x) => x.company).map((x) => order(x.agent, x.company ?? ''));
    const seconds = Math.min(SECONDS, MAX_REQUESTS / Math.max(rate, 1));
    await measure(`open loop, ${rate.toFixed(1)}/s`, () =>
      openLoop(rate, seconds, Math.min(OPEN_IN_FLIGHT, slots.length), (slot) =>
        (slots[slot] ?? slots[0] ?? (async () => ({ ok: false })))(),
      ),
    );
  }
  return { rows, placed };
}

function print(engine: string, rows: Row[], coldStartMs: number, tps: Map<number, number>) {
  console.log(`\n## ${engine}  (cold start ${(coldStartMs / 1000).toFixed(2)} s, ${SECONDS} s per phase)`);
  console.log(
    '| phase | orders/s | p50 ms | p99 ms | first answer ms | failed | statements/order | commits/order | server CPU ms/order | PostgreSQL CPU ms/order | pgbench tps | ratio |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const { label, phase, serverCpu, pgCpu, statements, commits } of rows) {
    const sorted = [...phase.latencies].sort((a, b) => a - b);
    const rate = phase.ok / (phase.wallMs / 1000);
    const n = Math.max(1, phase.ok + phase.failed);
    const clients = Number(label.split(' ')[0]);
    const t = label.includes('16 wallets') || clients === 1 ? tps.get(clients) : undefined;
    console.log(
      `| ${label} | ${rate.toFixed(1)} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 99).toFixed(1)} | ${phase.firstAnswerMs.toFixed(0)} | ${phase.failed} | ${(statements / n).toFixed(1)} | ${commits === undefined ? '—' : (commits / n).toFixed(1)} | ${(serverCpu / n).toFixed(2)} | ${pgCpu === undefined || pgCpu < 0 ? '—' : (pgCpu / n).toFixed(2)} | ${t === undefined ? '—' : t.toFixed(0)} | ${t === undefined ? '—' : `${((100 * rate) / t).toFixed(1)}%`} |`,
    );
    if (phase.firstError) console.log(`  first failure: ${phase.firstError}`);
  }
  console.log("\nEmail jobs (`notification.email`, one per order, delivered to the bench's SMTP receiver):");
  console.log(
    '| phase | orders/s placed | jobs enqueued | jobs/s drained in the phase | drained ÷ placed | backlog max | backlog at end | drain after ms | jobs/s incl. drain | keeps pace |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|');
  for (const { label, phase, jobs } of rows) {
    const s = phase.wallMs / 1000;
    const placed = phase.ok / s;
    const drained = jobs.drainedInPhase / s;
    const overall = jobs.enqueued / ((phase.wallMs + jobs.drainMs) / 1000);
    // Keeping pace: what is left when the orders stop is gone within a second (the old poll interval).
    const pace = jobs.drainMs <= 1000 && drained >= 0.9 * placed;
    console.log(
      `| ${label} | ${placed.toFixed(1)} | ${jobs.enqueued} | ${drained.toFixed(1)} | ${placed > 0 ? `${((100 * drained) / placed).toFixed(0)}%` : '—'} | ${jobs.maxBacklog} | ${jobs.backlogAtEnd} | ${Number.isNaN(jobs.drainMs) ? `> ${DRAIN_LIMIT_MS}` : jobs.drainMs.toFixed(0)} | ${Number.isNaN(overall) ? '—' : overall.toFixed(1)} | ${pace ? 'yes' : 'no'} |`,
    );
  }
  for (const { phase } of rows) {
    if (!('targetRate' in phase)) continue;
    const sorted = [...phase.latencies].sort((a, b) => a - b);
    const p99 = percentile(sorted, 99);
    const achieved = phase.ok / (phase.wallMs / 1000);
    console.log(
      `\nOpen loop: ${phase.targetRate.toFixed(1)} orders/s asked (half the 16-client rate, fixed interval, ≤ ${OPEN_IN_FLIGHT} in flight), ` +
        `${achieved.toFixed(1)}/s achieved, p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${p99.toFixed(1)} ms ` +
        `(from the scheduled arrival), ${phase.waited} arrivals waited for a slot, at most ${phase.maxInFlight} in flight, ${phase.failed} failed` +
        ` → goal "p99 ≤ 50 ms at half the rate": ${p99 <= 50 && phase.failed === 0 ? 'met' : 'not met'}`,
    );
  }
}

async function verify(
  url: string | undefined,
  dataDir: string | undefined,
  world: BenchPartner[],
  placed: number,
) {
  const database = await openDatabase(url ? { url } : { dataDir: dataDir ?? '' });
  try {
    const broken = Object.entries(await brokenInvariants(database.db)).filter(([, rows]) => rows.length > 0);
    const companies = world.flatMap((p) => p.companies);
    const { rows } = await sql<{ n: string | number | bigint }>`select count(*) as n from orders
      where company_id in (${sql.join(companies)}) and state = 'paid'`.execute(database.db);
    const stored = Number(rows[0]?.n);
    // Every bench wallet: what was funded minus what it holds is what its orders cost, and nothing is held.
    const drift = await sql<{ id: string }>`select w.id from wallets w where w.owner_type = 'partner'
      and w.owner_id in (${sql.join(world.map((p) => p.partnerId))})
      and (w.held <> 0 or ${FUNDING_YUAN * 100n} - w.balance <> coalesce((select sum(o.total) from orders o
        join companies c on c.id = o.company_id where c.partner_id = w.owner_id and o.state = 'paid'), 0))`.execute(
      database.db,
    );
    const ok = stored === placed && broken.length === 0 && drift.rows.length === 0;
    console.log(
      `  check: ${stored} paid orders stored, ${placed} counted by the load generator; ` +
        `invariants ${broken.length === 0 ? 'hold' : `BROKEN: ${broken.map(([k]) => k).join(', ')}`}; ` +
        `wallets that do not balance: ${drift.rows.length}  → ${ok ? 'OK' : 'MISMATCH'}`,
    );
    if (!ok) process.exitCode = 1;
  } finally {
    await database.close();
  }
}

async function pgbench(dbName: string): Promise<Map<number, number>> {
  const tps = new Map<number, number>();
  if (!existsSync(PGBENCH)) {
    console.log(`  pgbench not found at ${PGBENCH} (Debian: postgresql-15); no ratio`);
    return tps;
  }
  const args = ['-h', HOST, '-p', '5432', '-U', 'postgres'];
  execFileSync(PGBENCH, [...args, '-i', '-s', '10', '-q', dbName], { stdio: 'ignore' });
  for (const c of [1, 16]) {
    const out = execFileSync(PGBENCH, [...args, '-c', String(c), '-j', '2', '-T', String(SECONDS), dbName], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const m = /tps = ([\d.]+) \(without initial connection time\)/.exec(out);
    if (m?.[1]) tps.set(c, Number(m[1]));
  }
  console.log(
    `  pgbench TPC-B -s 10: ${[...tps].map(([c, t]) => `${c} client(s) ${t.toFixed(0)} tps`).join(', ')}`,
  );
  return tps;
}

// 4 customers on each of the 16 spread wallets (the open loop's slots), 64 on the hot one.
const companiesOf = (i: number) => (i === 16 ? 64 : 4);
let commit = '';
try {
  commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
} catch {}
console.log(
  `# npm run bench — commit ${commit}, ${SECONDS} s per phase, at most ${MAX_REQUESTS} orders per phase`,
);
// Every email job delivers to a real SMTP server (in this process): the worker's cost is the real one.
const sink = await smtpSink();
const mailEnv = { SMTP_URL: sink.url };

/** Every email job done reached the receiver (at-least-once: a re-send after a crash may add more). */
async function mailCheck(server: Server, receivedBefore: number): Promise<string> {
  const { jobs } = await server.counts();
  const received = sink.received() - receivedBefore;
  const ok = received >= jobs.done && jobs.waiting === 0;
  if (!ok) process.exitCode = 1;
  return `  emails: ${received} received by the SMTP receiver, ${jobs.done} email jobs done, ${jobs.waiting} waiting → ${ok ? 'OK' : 'MISMATCH'}`;
}

// BENCH_ENGINES=pglite or =postgres runs one engine only (default: both).
const ENGINES = (process.env.BENCH_ENGINES ?? 'pglite,postgres').split(',');

// PGlite: a data directory of its own, opened again after the server stops to check it.
if (ENGINES.includes('pglite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'kaidan-bench-'));
  try {
    const server = await startServer({ ...mailEnv, KAIDAN_DATA: dataDir });
    let placed = 0;
    let world: BenchPartner[] = [];
    try {
      const mails = sink.received();
      world = await buildBenchWorld(server.base, 17, companiesOf);
      const r = await runPhases(server, world);
      placed = r.placed;
      print('PGlite', r.rows, server.coldStartMs, new Map());
      console.log(await mailCheck(server, mails));
    } finally {
      await server.stop();
    }
    await verify(undefined, dataDir, world, placed);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (!ENGINES.includes('postgres')) console.log('\nBENCH_ENGINES leaves PostgreSQL out');
else if (await reachable()) {
  const dbName = `kaidan_bench_${Date.now()}`;
  const benchDb = `${dbName}_pgbench`;
  const url = `postgres://postgres@${HOST}:5432/${dbName}`;
  await adminSql(`create database ${dbName}`);
  try {
    const server = await startServer({ ...mailEnv, DATABASE_URL: url });
    let placed = 0;
    let world: BenchPartner[] = [];
    let rows: Row[] = [];
    let mailLine = '';
    const mails = sink.received();
    try {
      world = await buildBenchWorld(server.base, 17, companiesOf);
      const r = await runPhases(server, world, dbName);
      placed = r.placed;
      rows = r.rows;
      mailLine = await mailCheck(server, mails);
    } finally {
      await server.stop();
    }
    await adminSql(`create database ${benchDb}`);
    const tps = await pgbench(benchDb).finally(() => adminSql(`drop database if exists ${benchDb}`));
    print('PostgreSQL', rows, server.coldStartMs, tps);
    console.log(mailLine);
    await verify(url, undefined, world, placed);
  } finally {
    await adminSql(`drop database if exists ${dbName} with (force)`);
  }
} else console.log('\nPostgreSQL at 127.0.0.1:5432 does not answer: PostgreSQL skipped');
await sink.close();
