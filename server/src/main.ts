import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { createApp } from './app';
import { billingCli } from './cli/billing-cli';
import { devicesCli } from './cli/devices-cli';
import { recordsCli } from './cli/records-cli';
import { topupsCli } from './cli/topups-cli';
import { serveConsole } from './http/console';
import { listen } from './http/listen';
import {
  autoRenewStep,
  BILLING_DAILY_JOB,
  BILLING_EMAIL_JOB,
  BILLING_STEPS,
  billingDailyJob,
  scheduleBillingDaily,
  sendBillingEmail,
} from './modules/billing';
import { PURGE_JOB, purgeJob, schedulePurge } from './modules/housekeeping';
import { DEFAULT_PUBLIC_URL, EMAIL_JOB, sendNotificationEmail } from './modules/notifications';
import { ORDER_DUE_JOB } from './modules/orders';
import { PrincipalCache, usersCli, watchPrincipals } from './modules/parties';
import {
  deviceOrderDueJob,
  EXPIRE_JOB,
  expireAttemptJob,
  LATE_PAYMENT_JOB,
  NO_PAYMENTS,
  orderDueJob,
  PaymentsConfigError,
  paymentsFromEnv,
} from './modules/payments';
import { executeRefundJob, REFUND_JOB, refundLatePaymentJob } from './modules/refunds';
import { DEVICE_ORDER_DUE_JOB } from './modules/renewals';
import { DELIVER_JOB, deliverWebhook } from './modules/webhooks';
import { type Clock, systemClock } from './platform/clock';
import { buildTemplate, templateKey } from './platform/db/data-dir-template';
import { openDatabase } from './platform/db/database';
import type { Listening } from './platform/db/listen-store';
import { migrate, readMigrations } from './platform/db/migrate';
import { ENQUEUE_MARK, jobBacklog } from './platform/jobs/jobs-store';
import { type JobHandler, Worker } from './platform/jobs/worker';
import { mailerFromEnv } from './platform/mailer';
import { ConfigError, readServerConfig } from './platform/server-config';
import { TestClock } from './platform/test-clock';
import { DEMO_PASSWORD, seedDemo } from './seed/demo-seed';

// The single wiring root: every command builds its dependencies here and nowhere else.
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const [command = 'serve', ...rest] = process.argv.slice(2);
const demo = rest.includes('--demo');
// S-11 cold start: the build makes a migrated PGlite data directory beside the bundle (`main.js template`);
// an empty KAIDAN_DATA starts as a copy of it instead of running initdb (data-dir-template.ts).
const template = { dir: join(import.meta.dirname, 'pgdata-template'), key: templateKey(readMigrations()) };
if (command === 'template') {
  const built = await buildTemplate(template.dir, template.key, async (dataDir) => {
    const db = await openDatabase({ dataDir });
    await migrate(db.db).finally(() => db.close());
  });
  log.info({ dir: template.dir, built }, built ? 'data directory template built' : 'template up to date');
  process.exit(0);
}
let config: ReturnType<typeof readServerConfig>;
try {
  config = readServerConfig(process.env);
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  log.error(e.message);
  process.exit(2);
}

// Benchmarks only (npm run bench): KAIDAN_COUNT_STATEMENTS=1 counts SQL statements and logs the count on
// SIGUSR2, with the email jobs still to run and done, so no metrics endpoint exists in production.
let statements = 0;
const countStatements = process.env.KAIDAN_COUNT_STATEMENTS === '1';
// A committed job wakes the in-process worker at once (issue #11, ADR 0013); set once the worker exists.
let wakeWorker = () => {};
const onQuery = () => {
  statements += 1;
};
// Where a start spends its time (S-11 cold start), logged with "listening": ms since the process began.
const startup: Record<string, number> = { loaded: Math.round(process.uptime() * 1000) };
const mark = (step: string) => {
  startup[step] = Math.round(process.uptime() * 1000);
};
const database = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: process.env.KAIDAN_DATA ?? './data',
  template,
  commitWatch: { marker: ENQUEUE_MARK, onCommit: () => wakeWorker() },
  ...(countStatements ? { onQuery } : {}),
});
mark('opened');
if (countStatements)
  process.on('SIGUSR2', () => {
    const counted = statements;
    jobBacklog(database.db, EMAIL_JOB)
      .then((jobs) => {
        statements -= 1; // the probe's own read is not the load's
        log.info({ statements: counted, jobs }, 'statement count');
      })
      .catch((e: unknown) => log.error({ err: String(e) }, 'statement count failed'));
  });
// S-18: with KAIDAN_TEST_CLOCK=1 every command, the API and the worker run on one movable clock.
const testClock = config.testClock ? new TestClock(systemClock, database.db) : undefined;
const clock: Clock = testClock ?? systemClock;
// Issue #12: the payment providers this server offers (docs/payments.md). The sandbox notifies this very
// server, at the address it listens on once listening.
let listeningAt = config.publicUrl ?? DEFAULT_PUBLIC_URL;
let payments: ReturnType<typeof paymentsFromEnv>;
try {
  // PayPal reads an attempt's order id from the database when its process did not create it; not on
  // PGlite, whose one session the query job holds while it asks the provider
  const lookup = database.engine === 'postgres' ? { db: database.db } : {};
  payments = paymentsFromEnv(process.env, clock, { demo, notifyBase: () => listeningAt, ...lookup });
} catch (e) {
  if (!(e instanceof PaymentsConfigError)) throw e;
  log.error(e.message);
  process.exit(2);
}
const mailer = mailerFromEnv(process.env, log);
// The daily renewal job's steps (R38, R46), the same for the worker and `kaidan billing run`; the renewals
// module's auto-renew goes first, so a device it renews is no longer reminded.
const billingSteps = [autoRenewStep, ...BILLING_STEPS];
const handlers = new Map<string, JobHandler>([
  [PURGE_JOB, purgeJob(clock)],
  [EXPIRE_JOB, expireAttemptJob(clock, payments ?? NO_PAYMENTS)],
  [ORDER_DUE_JOB, orderDueJob(clock)],
  [DEVICE_ORDER_DUE_JOB, deviceOrderDueJob(clock)],
  [REFUND_JOB, executeRefundJob(clock, payments ?? NO_PAYMENTS)],
  [LATE_PAYMENT_JOB, refundLatePaymentJob(clock)],
  [EMAIL_JOB, sendNotificationEmail({ mailer, publicUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL })],
  [DELIVER_JOB, deliverWebhook({ clock, allowPrivate: config.webhooksPrivate })],
  [BILLING_DAILY_JOB, billingDailyJob(clock, billingSteps)],
  [BILLING_EMAIL_JOB, sendBillingEmail({ mailer, publicUrl: config.publicUrl ?? DEFAULT_PUBLIC_URL })],
]);
// On PostgreSQL the worker has connections of its own: in the API's pool it would queue behind every request
// for each claim and read, and fall behind exactly when orders pour in (issue #11). PGlite has one session.
const workerDatabase =
  database.engine === 'postgres'
    ? await openDatabase({
        url: process.env.DATABASE_URL,
        poolSize: 2,
        ...(countStatements ? { onQuery } : {}),
      })
    : database;
const worker = new Worker(workerDatabase.db, clock, handlers, log);
wakeWorker = () => worker.wake();
const startWorker = async () => {
  await schedulePurge(database.db, clock);
  await scheduleBillingDaily(database.db, clock);
  worker.start();
};
let stopping = false;
let watching: Listening | undefined;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await worker.stop();
  mailer.close?.();
  await watching?.close();
  if (workerDatabase !== database) await workerDatabase.close();
  await database.close();
  process.exit(code);
}
process.on('SIGTERM', () => void shutdown(0));
process.on('SIGINT', () => void shutdown(0));

switch (command) {
  case 'migrate': {
    const applied = await migrate(database.db);
    log.info({ applied }, 'migrations applied');
    await shutdown(0);
    break;
  }
  case 'seed': {
    await migrate(database.db);
    await testClock?.load();
    const loaded = await seedDemo({ database, clock });
    log.info(loaded ? 'demo data loaded (seed 000)' : 'database already has data; seed skipped');
    await shutdown(0);
    break;
  }
  case 'topups': {
    await migrate(database.db);
    await testClock?.load();
    const code = await topupsCli({ database, clock }, rest, (line) => process.stdout.write(`${line}\n`));
    await shutdown(code);
    break;
  }
  case 'devices': {
    await migrate(database.db);
    await testClock?.load();
    const code = await devicesCli({ database, clock }, rest, (line) => process.stdout.write(`${line}\n`));
    await shutdown(code);
    break;
  }
  case 'billing': {
    await migrate(database.db);
    await testClock?.load();
    const code = await billingCli({ database, clock }, billingSteps, rest, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await shutdown(code);
    break;
  }
  case 'records': {
    await migrate(database.db);
    await testClock?.load();
    const code = await recordsCli({ database, clock }, rest, (line) => process.stdout.write(`${line}\n`));
    await shutdown(code);
    break;
  }
  case 'users': {
    await migrate(database.db);
    await testClock?.load();
    const code = await usersCli({ database, clock }, rest, (line) => process.stdout.write(`${line}\n`));
    await shutdown(code);
    break;
  }
  case 'worker':
    await migrate(database.db);
    await testClock?.load();
    await startWorker();
    log.info('worker running');
    break;
  case 'serve': {
    await migrate(database.db);
    mark('migrated');
    await testClock?.load();
    if (demo && (await seedDemo({ database, clock }, payments))) {
      log.info(`demo data loaded; sign in as agent@kaidan.demo / ${DEMO_PASSWORD} (see README)`);
    }
    mark('seeded');
    // Issue #11 (ADR 0011): credential → principal rows cached here, kept right by NOTIFY from any process.
    const principals = new PrincipalCache();
    watching = await watchPrincipals(database, principals, {
      onEvent: (e) => {
        if (e.kind === 'listening') log[e.on ? 'info' : 'warn'](`principal cache ${e.on ? 'on' : 'off'}`);
      },
    });
    const app = createApp({
      database,
      clock,
      principals,
      log,
      config: { publicUrl: config.publicUrl, trustProxy: config.trustProxy },
      ...(testClock ? { testClock } : {}),
      ...(payments ? { payments } : {}),
    });
    serveConsole(app, fileURLToPath(new URL('../../web/dist', import.meta.url)));
    const { address } = await listen(app.fetch, config);
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    listeningAt = `http://${host === '0.0.0.0' ? '127.0.0.1' : host === '[::]' ? '[::1]' : host}:${address.port}`;
    if (payments?.sandbox) log.warn('PAYMENTS SANDBOX ON: its pay button credits wallets without real money');
    await startWorker();
    mark('listening');
    if (testClock)
      log.warn({ now: clock.now().toString() }, 'TEST CLOCK ON (KAIDAN_TEST_CLOCK=1): time is movable');
    log.info(
      { host: address.address, port: address.port, engine: database.engine, startup },
      `Kaidan listening on http://${address.address}:${address.port}`,
    );
    break;
  }
  default:
    log.error(
      `unknown command ${command}; use serve [--demo] | migrate | seed | worker | topups | devices | records | users | template`,
    );
    await shutdown(2);
}
