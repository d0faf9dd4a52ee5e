// Benchmark (not a test): how long a new client waits for its first answer when 64 clients start at once
// on the embedded PGlite, and how the answers are shared out while they wait. `npm run bench:first-answer`.
// BENCH_SECONDS (default 10) per run; BENCH_ROUNDS (default 2) runs of 64 fresh clients each.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cpuMs, percentile, startServer } from './http-kit';
import { api, buildBenchWorld, orderBody } from './http-setup';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CLIENTS = 64;

const dataDir = mkdtempSync(join(tmpdir(), 'kaidan-first-'));
// BENCH_BASE: measure a server started by hand (e.g. under --cpu-prof) instead of starting one.
const server = process.env.BENCH_BASE
  ? { base: process.env.BENCH_BASE, pid: Number(process.env.BENCH_PID ?? 0), stop: async () => {} }
  : await startServer({
      KAIDAN_DATA: dataDir,
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    });
try {
  const [hot] = await buildBenchWorld(server.base, 1, () => CLIENTS);
  if (!hot) throw new Error('no partner');
  let seq = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    const t0 = performance.now();
    const deadline = t0 + SECONDS * 1000;
    const cpu0 = cpuMs(server.pid);
    const first: number[] = [];
    const latencies: number[] = [];
    let answered = 0;
    let failed = 0;
    // answers given before the last client got its first one: how far the early clients ran ahead
    let before = 0;
    const run = async (c: number) => {
      let got = false;
      while (performance.now() < deadline) {
        const s = performance.now();
        const r = await api(
          server.base,
          hot.agent,
          'POST',
          '/api/v1/orders',
          orderBody(hot.companies[c] ?? ''),
          {
            'idempotency-key': `first-${process.pid}-${++seq}`,
          },
        );
        const now = performance.now();
        latencies.push(now - s);
        answered += 1;
        if (r.status !== 201) failed += 1;
        if (!got) {
          got = true;
          first.push(now - t0);
          if (first.length === CLIENTS) before = answered;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => run(c)));
    const wall = performance.now() - t0;
    const f = [...first].sort((a, b) => a - b);
    const l = [...latencies].sort((a, b) => a - b);
    console.log(
      `round ${round}: ${CLIENTS} clients, ${(answered / (wall / 1000)).toFixed(1)} orders/s, failed ${failed}; ` +
        `first answer p50 ${percentile(f, 50).toFixed(0)} ms, max ${(f.at(-1) ?? 0).toFixed(0)} ms; ` +
        `${before} answers given before the last client's first; latency p50 ${percentile(l, 50).toFixed(0)} ms, ` +
        `p99 ${percentile(l, 99).toFixed(0)} ms; server CPU ${((cpuMs(server.pid) - cpu0) / Math.max(1, answered)).toFixed(1)} ms/order`,
    );
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
