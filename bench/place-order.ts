// Benchmark (not a test): SQL statements and CPU per placed order, on PGlite or PostgreSQL.
//   npx tsx bench/place-order.ts            # PGlite in memory
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kaidan_bench npx tsx bench/place-order.ts
//   BENCH_PREPARE=0 …                       # PostgreSQL without named prepared statements (ADR 0009)
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { approveOrder, placeOrder } from '../server/src/modules/orders';
import { FakeClock } from '../server/src/platform/clock';
import { openDatabase } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';
import { buildWorld, freshParty, fund, P, W } from '../server/src/testing/world';

const N = Number(process.env.BENCH_ORDERS ?? 300);
let statements = 0;
let counting = false;
// BENCH_STATEMENTS=1: the mean round trip of each statement of the measured phases, slowest first.
const perStatement = new Map<string, { n: number; ms: number }>();
const database = await openDatabase({
  url: process.env.BENCH_DATABASE_URL,
  dataDir: 'memory://',
  prepare: process.env.BENCH_PREPARE !== '0',
  onQuery: (e) => {
    if (!counting) return;
    statements += 1;
    if (process.env.BENCH_STATEMENTS !== '1') return;
    const key = e.query.sql.replace(/\s+/g, ' ').slice(0, 70);
    const s = perStatement.get(key) ?? { n: 0, ms: 0 };
    s.n += 1;
    s.ms += e.queryDurationMillis;
    perStatement.set(key, s);
  },
});
await migrate(database.db);
await buildWorld(database.db);
const clock = new FakeClock();
const deps = { database, clock };
await fund(database.db, clock, W.partnerA, 10_000_000_000n, 'bench');
const order = (companyId: string) =>
  placeOrder(deps, P.agentA, {
    companyId,
    productId: W.product,
    orderType: 'new',
    submit: true,
    lines: [
      { planId: W.edition, seats: 5, duration: { unit: 'year', value: 1 } },
      { planId: W.archive, seats: 5, duration: { unit: 'year', value: 1 } },
    ],
  });

for (let i = 0; i < 20; i++) await order(W.huihuang); // warm up
const measure = async (label: string, fn: () => Promise<unknown>) => {
  statements = 0;
  counting = true;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await fn();
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  counting = false;
  const rows = [...perStatement].sort((a, b) => b[1].ms / b[1].n - a[1].ms / a[1].n);
  for (const [text, st] of rows)
    console.log(`    ${(st.ms / st.n).toFixed(3).padStart(7)} ms  ×${st.n / N}  ${text}`);
  perStatement.clear();
  console.log(
    `${label.padEnd(28)} ${(statements / N).toFixed(1).padStart(5)} statements  ` +
      `${((cpu.user + cpu.system) / 1000 / N).toFixed(2).padStart(6)} ms CPU  ${(wall / N).toFixed(2).padStart(6)} ms wall  per order`,
  );
};
const prepared = database.engine === 'postgres' && process.env.BENCH_PREPARE !== '0';
console.log(
  `engine ${database.engine}${prepared ? ' (prepared statements)' : ''}, ${N} orders of 2 lines each`,
);
const ids: string[] = [];
await measure('place + submit (hold)', async () => ids.push((await order(W.huihuang)).id));
let k = 0;
await measure('approve (capture + grant)', () => approveOrder(deps, P.desk, ids[k++] ?? ''));
// The partner-integration path of issue #11: the review policy approves at once, in one transaction.
await sql`update review_policies set mode = 'auto' where order_type = 'new'`.execute(database.db);
const parties: Awaited<ReturnType<typeof freshParty>>[] = [];
for (let i = 0; i < N; i++) {
  const party = await freshParty(database.db, 1000 + i);
  await fund(database.db, clock, party.partner.partnerId ?? '', 10_000_000n, `bench-${i}`);
  parties.push(party);
}
let j = 0;
await measure('auto-approved (one tx)', () => {
  const party = parties[j++];
  if (!party) throw new Error('no party');
  return placeOrder(deps, party.partner, {
    companyId: party.companyId,
    productId: W.product,
    orderType: 'new',
    submit: true,
    lines: [
      { planId: W.edition, seats: 5, duration: { unit: 'year', value: 1 } },
      { planId: W.archive, seats: 5, duration: { unit: 'year', value: 1 } },
    ],
  });
});
await database.close();
