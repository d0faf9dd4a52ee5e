import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { openDatabase } from '../platform/db/database';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { brokenInvariants } from '../testing/invariant-store';
import { ENGINE, pgTestDatabase } from '../testing/test-db';

// Invariant 6 across crashes: the server (a child process on PostgreSQL) is killed with SIGKILL at random
// moments while a client streams idempotent order submissions; after each restart the client retries every
// key it has no answer for. No acknowledged order may be lost, none doubled, and the ledger must balance.
const FULL = process.env.KAIDAN_TEST_FULL === '1';
const ORDERS = FULL ? 200 : 24;
const KILLS = FULL ? 20 : 3;
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? resolve(a.port) : reject(new Error('no port'))));
    });
  });

async function startServer(url: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, 'serve', '--demo'], {
    env: { ...process.env, DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent' },
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error('server did not start');
}

const killed = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('invariant 6 under kill -9: idempotent order submissions survive server crashes', {
  skip: ENGINE !== 'postgres' && 'runs on PostgreSQL: a killed PGlite process takes its database with it',
}, () => {
  it(`S-2 ${ORDERS} submissions, ${KILLS} kills: none lost, none doubled, ledger balanced`, async () => {
    const { url, drop } = await pgTestDatabase();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    let server = await startServer(url, port);
    try {
      const login = await fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'agent@kaidan.demo', password: DEMO_PASSWORD }),
      });
      assert.equal(login.status, 200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const check = await openDatabase({ url, poolSize: 2 });
      const orderCount = async () =>
        (await sql<{ n: number }>`select count(*)::int as n from orders`.execute(check.db)).rows[0]?.n ?? 0;
      const before = await orderCount();
      const body = JSON.stringify({
        companyId: 'cmp_demo_huihuang',
        productId: 'prd_demo_steward',
        orderType: 'renew',
        lines: [{ planId: 'pln_demo_archive', duration: { unit: 'day', value: 1 } }],
        submit: true,
      });
      const submit = async (key: string) => {
        const res = await fetch(`${base}/api/v1/orders`, {
          method: 'POST',
          headers: { cookie, 'content-type': 'application/json', 'idempotency-key': key },
          body,
        });
        return { status: res.status, body: (await res.json()) as { id?: string; code?: string } };
      };
      const keys = Array.from({ length: ORDERS }, (_, i) => `crash-${i}`);
      const acked = new Map<string, string>();
      let kills = 0;
      for (let round = 0; acked.size < keys.length; round++) {
        assert.ok(round < KILLS + 20, 'the stream makes progress after restarts');
        const pending = keys.filter((k) => !acked.has(k));
        // The kill lands a few milliseconds after a random request of the round went out: before, during or
        // after its commit.
        const killAt = kills < KILLS ? 1 + Math.floor(Math.random() * Math.min(pending.length, 10)) : -1;
        let killer: Promise<void> | undefined;
        let next = 0;
        const lane = async () => {
          while (next < pending.length) {
            const key = pending[next++] as string;
            if (next === killAt) {
              const ms = Math.floor(Math.random() * 25);
              killer = new Promise((r) => setTimeout(r, ms)).then(() => killed(server));
            }
            try {
              const r = await submit(key);
              if (r.status === 409 && r.body.code === 'IDEMPOTENCY_IN_PROGRESS') continue;
              assert.equal(r.status, 201, `${key}: ${JSON.stringify(r.body)}`);
              const seen = acked.get(key);
              if (seen) assert.equal(r.body.id, seen, `${key} answers the order it acknowledged`);
              acked.set(key, r.body.id ?? '');
            } catch (e) {
              if (e instanceof assert.AssertionError) throw e;
              return; // the server is gone; the rest of this round waits for the restart
            }
          }
        };
        await Promise.all([lane(), lane(), lane(), lane()]);
        await killer;
        if (server.exitCode !== null || server.signalCode !== null) {
          kills++;
          server = await startServer(url, port);
        }
      }
      assert.equal(kills, KILLS, 'every planned kill happened during the stream');
      for (const key of keys) {
        const r = await submit(key);
        assert.equal(r.status, 201);
        assert.equal(r.body.id, acked.get(key), `${key} replays its one order after the crashes`);
      }
      assert.equal(new Set(acked.values()).size, ORDERS, 'one order per key');
      assert.equal((await orderCount()) - before, ORDERS, 'no order lost and none doubled');
      const broken = Object.entries(await brokenInvariants(check.db)).filter(([, rows]) => rows.length > 0);
      assert.deepEqual(broken, []);
      await check.close();
    } finally {
      await killed(server);
      await drop(true);
    }
  });
});
