// Benchmark (not a test): one batch renewal of 100,000 devices (R20), quoted, confirmed and paid from the
// wallet, printing devices/s and the SQL statements of each phase, on PGlite or PostgreSQL.
//   npx tsx bench/device-renewal.ts                      # PGlite in memory
//   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/kaidan_bench npx tsx bench/device-renewal.ts
//   BENCH_DEVICES=10000 …                                # another batch size
import { performance } from 'node:perf_hooks';
import { formatAmount } from '@kaidan/shared';
import { sql } from 'kysely';
import { payRenewalFromWallet, placeRenewal, quoteRenewal } from '../server/src/modules/renewals';
import { customerOf, renewalWorld } from '../server/src/modules/renewals/renewal-kit';
import { openDatabase } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';

const N = Number(process.env.BENCH_DEVICES ?? 100_000);
let statements = 0;
const database = await openDatabase({
  url: process.env.BENCH_DATABASE_URL,
  dataDir: 'memory://',
  onQuery: (e) => {
    statements += 1;
    // BENCH_STATEMENTS=1: each statement slower than 100 ms, to see where a phase spends its time.
    if (process.env.BENCH_STATEMENTS === '1' && e.queryDurationMillis > 100)
      console.log(
        `  ${e.queryDurationMillis.toFixed(0).padStart(6)} ms  ${e.query.sql.replace(/\s+/g, ' ').slice(0, 90)}`,
      );
  },
});
if (process.env.BENCH_DATABASE_URL)
  await sql`drop table if exists kysely_migration, kysely_migration_lock cascade`
    .execute(database.db)
    .catch(() => {});
await migrate(database.db);
const w = await renewalWorld(database);
// The devices arrive set-based, as an import would bring them: half expired, half expiring this year.
await sql`insert into devices (id, company_id, device_no, type, renewal_package_id, expires_on, created_at)
  select 'dev_bench_' || g, ${w.root}, 'B-' || lpad(g::text, 6, '0'), 'GPS', ${w.gps},
    date '2026-06-30' + (g % 365), now()
  from generate_series(1, ${N}) g`.execute(database.db);
const ids = Array.from({ length: N }, (_, i) => `dev_bench_${i + 1}`);
await w.fund(w.root, 20_000_000n);
const p = customerOf(w.root);
const phase = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
  statements = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `${label.padEnd(8)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${Math.round((N / ms) * 1000)
      .toString()
      .padStart(
        7,
      )} devices/s  ${statements} statements  ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms CPU`,
  );
  return out;
};
console.log(`engine ${database.engine}, ${N} devices in one batch, 12 months`);
const t0 = performance.now();
const q = await phase('quote', () => quoteRenewal(w.deps, p, { deviceIds: ids, months: 12 }));
const order = await phase('confirm', () =>
  placeRenewal(w.deps, p, {
    deviceIds: ids,
    months: 12,
    expectedTotal: formatAmount(q.total, q.currency),
    quotedAt: q.quotedAt.toString(),
  }),
);
await phase('pay', () => payRenewalFromWallet(w.deps, p, order.id));
const total = performance.now() - t0;
const { rows } = await sql<{ n: number }>`select count(*)::int as n from device_order_items
  where order_id = ${order.id} and expires_after is not null`.execute(database.db);
console.log(
  `total    ${(total / 1000).toFixed(2)} s for ${rows[0]?.n} devices extended (${Math.round((N / total) * 1000)} devices/s), order ${order.number} ${formatAmount(q.total, q.currency)} ${q.currency}`,
);
await database.close();
