// Benchmark (not a test): R21's Excel expiry import at 100,000 rows, in process, through the real use
// cases. Creates a company with 100,000 devices, writes a 100,000-row .xlsx (date cells, serials and text
// in turn, a few bad rows), then previews (read + stage + resolve) and confirms (one UPDATE, one audit
// INSERT…SELECT), and writes the report; prints rows/s per phase. PGlite in memory by default;
// `DATABASE_URL=postgres://…` (or `--postgres`, which creates and drops a scratch database on
// 127.0.0.1:5432) for PostgreSQL. `npm run bench:device-import`; BENCH_IMPORT_ROWS to change the size.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import {
  allImportLines,
  confirmDeviceImport,
  importReport,
  previewDeviceImport,
  viewDeviceImport,
} from '../server/src/modules/devices';
import { createCompany } from '../server/src/modules/parties';
import { systemClock } from '../server/src/platform/clock';
import { openDatabase } from '../server/src/platform/db/database';
import { migrate } from '../server/src/platform/db/migrate';
import { systemPrincipal } from '../server/src/platform/principal';
import { dateCell, expiryWorkbook, serialOf } from '../server/src/testing/import-fixture';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function scratchPg(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `kaidan_bench_import_${process.pid}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = ADMIN_URL.replace(/\/[^/]*$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`drop database ${name}`);
      await a.end();
    },
  };
}

const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en')} rows/s`;

async function main(): Promise<void> {
  const scratch = process.argv.includes('--postgres') && !process.env.DATABASE_URL ? await scratchPg() : null;
  const url = process.env.DATABASE_URL ?? scratch?.url;
  const database = await openDatabase(url ? { url } : { dataDir: 'memory://' });
  const engine = url ? 'postgres' : 'pglite';
  try {
    await migrate(database.db);
    const deps = { database, clock: systemClock };
    const sys = systemPrincipal('cli');
    const company = await createCompany(deps, sys, { nameZh: '导入基准公司', parentId: null });
    let t = performance.now();
    // Fixture only: 100,000 devices in one statement (registering them one by one is not what is measured).
    await sql`insert into devices (id, company_id, device_no, type, expires_on, created_at)
      select 'dev_bench' || lpad(g::text, 8, '0'), ${company}, 'B-' || g, 'GPS', date '2026-12-31', now()
      from generate_series(1, ${ROWS}) g`.execute(database.db);
    console.log(`[${engine}] ${ROWS} devices created in ${Math.round(performance.now() - t)} ms`);
    t = performance.now();
    const year = (i: number) => `2027-${String((i % 12) + 1).padStart(2, '0')}-15`;
    const file = await expiryWorkbook(
      (function* () {
        for (let i = 1; i <= ROWS; i++) {
          const d = year(i);
          // Every 1,000th row names an unknown device, so the preview has bad rows to report.
          const no = i % 1_000 === 0 ? `NOPE-${i}` : `B-${i}`;
          yield [no, i % 3 === 0 ? dateCell(d) : i % 3 === 1 ? serialOf(d) : d.replaceAll('-', '/'), null];
        }
      })(),
    );
    console.log(
      `[${engine}] xlsx written: ${(file.length / 1024 / 1024).toFixed(1)} MB in ${Math.round(performance.now() - t)} ms`,
    );
    t = performance.now();
    const id = await previewDeviceImport(
      deps,
      sys,
      { file, fileName: 'bench.xlsx', companyId: company, allowPast: false },
      (n) => process.stderr.write(`  rows read ${n}\n`),
    );
    const previewMs = performance.now() - t;
    const imp = await viewDeviceImport(deps, sys, id);
    console.log(
      `[${engine}] preview (read + stage + resolve): ${Math.round(previewMs)} ms, ${rate(ROWS, previewMs)}; valid ${imp.valid_rows}, errors ${imp.error_rows}`,
    );
    t = performance.now();
    const { changed } = await confirmDeviceImport(deps, sys, { id, applyValidRows: true });
    const confirmMs = performance.now() - t;
    console.log(
      `[${engine}] confirm (apply + audit): ${Math.round(confirmMs)} ms, ${rate(changed, confirmMs)}; ${changed} devices changed`,
    );
    t = performance.now();
    const report = await importReport(allImportLines(deps, sys, id));
    const reportMs = performance.now() - t;
    console.log(
      `[${engine}] report: ${(report.length / 1024 / 1024).toFixed(1)} MB in ${Math.round(reportMs)} ms, ${rate(ROWS, reportMs)}`,
    );
    console.log(
      `[${engine}] preview + confirm: ${Math.round(previewMs + confirmMs)} ms, ${rate(ROWS, previewMs + confirmMs)} devices/s`,
    );
  } finally {
    await database.close();
    await scratch?.drop();
  }
}

await main();
