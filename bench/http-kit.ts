// Pieces of `npm run bench` (bench/http-bench.ts): the server child, CPU from /proc, closed- and open-loop
// load generators, and the SMTP receiver the server's email jobs deliver to.
import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { SMTPServer } from 'smtp-server';

export const HOST = '127.0.0.1';
const TICK_MS = 10; // getconf CLK_TCK = 100 on Linux

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, HOST, () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** utime + stime of one process, in ms (fields 14 and 15 of /proc/<pid>/stat). */
export function cpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch {
    return 0; // the process ended between listing and reading
  }
}

/** CPU of every process named `postgres` (the server and its backends, whoever they serve). */
export function postgresCpuMs(): number {
  let total = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/comm`, 'utf8').trim() === 'postgres') total += cpuMs(Number(d));
    } catch {}
  }
  return total;
}

/** The server's own counters (SIGUSR2, only with KAIDAN_COUNT_STATEMENTS=1): statements run, email jobs. */
export interface ServerCounts {
  statements: number;
  /** `notification.email` jobs still to run (pending or running) and done. */
  jobs: { waiting: number; done: number };
}

export interface Server {
  base: string;
  pid: number;
  coldStartMs: number;
  statements(): Promise<number>;
  counts(): Promise<ServerCounts>;
  stop(): Promise<void>;
}

/** Starts the compiled server (server/dist/main.js) on 127.0.0.1 and waits for /api/v1/health. */
export async function startServer(env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const t0 = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : []),
      'server/dist/main.js',
      'serve',
      '--demo',
    ],
    {
      env: {
        ...process.env,
        ...env,
        HOST,
        PORT: String(port),
        KAIDAN_COUNT_STATEMENTS: '1',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const pid = child.pid ?? 0;
  const waiting: ((c: ServerCounts) => void)[] = [];
  const out = createInterface({ input: child.stdout ?? process.stdin });
  out.on('line', (line) => {
    try {
      const rec = JSON.parse(line) as Partial<ServerCounts> & { level?: number; msg?: string };
      if (typeof rec.statements === 'number')
        waiting.shift()?.({ statements: rec.statements, jobs: rec.jobs ?? { waiting: 0, done: 0 } });
      else if ((rec.level ?? 0) >= 50) console.error(`  server: ${rec.msg}`);
    } catch {}
  });
  let exited = false;
  const ended = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const base = `http://${HOST}:${port}`;
  for (;;) {
    if (exited) throw new Error('the server exited before it answered /api/v1/health');
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 50));
  }
  const coldStartMs = performance.now() - t0;
  // One signal at a time: two SIGUSR2 sent before the server handles the first merge into one (standard
  // signals are not queued), which would leave a caller waiting for an answer that never comes.
  let last: Promise<unknown> = Promise.resolve();
  const counts = (): Promise<ServerCounts> => {
    const next = last.then(
      () =>
        new Promise<ServerCounts>((resolve) => {
          waiting.push(resolve);
          child.kill('SIGUSR2');
        }),
    );
    last = next.catch(() => undefined);
    return next;
  };
  return {
    base,
    pid,
    coldStartMs,
    counts,
    statements: async () => (await counts()).statements,
    stop: async () => {
      if (!exited) child.kill('SIGTERM');
      await ended;
    },
  };
}

export interface Phase {
  ok: number;
  failed: number;
  firstError?: string;
  wallMs: number;
  latencies: number[];
  /** the slowest of each client's first answer */
  firstAnswerMs: number;
}

/**
 * Closed loop: each client sends its next request when the previous one is answered. Stops at `seconds`
 * or after `maxRequests` requests in all, whichever comes first.
 */
export async function closedLoop(
  clients: number,
  seconds: number,
  maxRequests: number,
  send: (client: number, seq: number) => Promise<{ ok: boolean; error?: string }>,
): Promise<Phase> {
  const phase: Phase = { ok: 0, failed: 0, wallMs: 0, latencies: [], firstAnswerMs: 0 };
  const t0 = performance.now();
  const deadline = t0 + seconds * 1000;
  let issued = 0;
  const run = async (c: number) => {
    let first = true;
    while (performance.now() < deadline && issued < maxRequests) {
      const seq = issued++;
      const s = performance.now();
      const r = await send(c, seq).catch((e: unknown) => ({ ok: false, error: String(e) }));
      const ms = performance.now() - s;
      if (first) phase.firstAnswerMs = Math.max(phase.firstAnswerMs, performance.now() - t0);
      first = false;
      phase.latencies.push(ms);
      if (r.ok) phase.ok += 1;
      else {
        phase.failed += 1;
        phase.firstError ??= r.error;
      }
    }
  };
  await Promise.all(Array.from({ length: clients }, (_, c) => run(c)));
  phase.wallMs = performance.now() - t0;
  return phase;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** Open loop: how the fixed arrival rate was met. */
export interface OpenPhase extends Phase {
  /** requests per second asked for */
  targetRate: number;
  /** arrivals that found every in-flight slot taken and waited (their latency counts the wait) */
  waited: number;
  maxInFlight: number;
}

/**
 * Open loop: a request arrives every 1/`rate` s whatever the answers do (fixed interval), with at most
 * `inFlight` outstanding; an arrival beyond that waits for a slot. Latency runs from the scheduled arrival,
 * not from the send, so a server that falls behind shows it (no coordinated omission). `send(slot, seq)`
 * gets the in-flight slot it holds, so a caller can give each slot its own customer.
 */
export async function openLoop(
  rate: number,
  seconds: number,
  inFlight: number,
  send: (slot: number, seq: number) => Promise<{ ok: boolean; error?: string }>,
): Promise<OpenPhase> {
  const phase: OpenPhase = {
    ok: 0,
    failed: 0,
    wallMs: 0,
    latencies: [],
    firstAnswerMs: 0,
    targetRate: rate,
    waited: 0,
    maxInFlight: 0,
  };
  const free = Array.from({ length: inFlight }, (_, i) => inFlight - 1 - i);
  const slotWaiters: ((slot: number) => void)[] = [];
  const take = (): Promise<number> => {
    const slot = free.pop();
    if (slot !== undefined) return Promise.resolve(slot);
    phase.waited += 1;
    return new Promise((resolve) => slotWaiters.push(resolve));
  };
  const give = (slot: number) => {
    const next = slotWaiters.shift();
    if (next) next(slot);
    else free.push(slot);
  };
  const t0 = performance.now();
  const total = Math.max(1, Math.floor(rate * seconds));
  const running: Promise<void>[] = [];
  const one = async (seq: number, scheduled: number) => {
    const slot = await take();
    phase.maxInFlight = Math.max(phase.maxInFlight, inFlight - free.length);
    const r = await send(slot, seq).catch((e: unknown) => ({ ok: false, error: String(e) }));
    give(slot);
    phase.latencies.push(performance.now() - scheduled);
    if (seq === 0) phase.firstAnswerMs = performance.now() - t0;
    if (r.ok) phase.ok += 1;
    else {
      phase.failed += 1;
      phase.firstError ??= r.error;
    }
  };
  for (let seq = 0; seq < total; seq++) {
    const scheduled = t0 + (seq * 1000) / rate;
    const wait = scheduled - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    running.push(one(seq, scheduled));
  }
  await Promise.all(running);
  phase.wallMs = performance.now() - t0;
  return phase;
}

/** A real SMTP receiver on 127.0.0.1 that accepts and counts every message (the bench's mail server). */
export async function smtpSink(): Promise<{
  url: string;
  received: () => number;
  close: () => Promise<void>;
}> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        received += 1;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://${HOST}:${port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
