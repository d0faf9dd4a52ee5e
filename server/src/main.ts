import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { topupsCli } from './cli/topups-cli';
import { createApp } from './http/app';
import { serveConsole } from './http/console';
import { DEFAULT_PUBLIC_URL, EMAIL_JOB, sendNotificationEmail } from './modules/notifications';
import { usersCli } from './modules/parties';
import { systemClock } from './platform/clock';
import { openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { type JobHandler, Worker } from './platform/jobs/worker';
import { mailerFromEnv } from './platform/mailer';
import { DEMO_PASSWORD, seedDemo } from './seed/demo-seed';

// The single wiring root: every command builds its dependencies here and nowhere else.
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const [command = 'serve', ...rest] = process.argv.slice(2);
const demo = rest.includes('--demo');

const database = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: process.env.KAIDAN_DATA ?? './data',
});
const handlers = new Map<string, JobHandler>([
  [
    EMAIL_JOB,
    sendNotificationEmail({
      mailer: mailerFromEnv(process.env, log),
      publicUrl: process.env.PUBLIC_URL ?? DEFAULT_PUBLIC_URL,
    }),
  ],
]);
const worker = new Worker(database.db, systemClock, handlers, log);
let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await worker.stop();
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
    const loaded = await seedDemo({ database, clock: systemClock });
    log.info(loaded ? 'demo data loaded (seed 000)' : 'database already has data; seed skipped');
    await shutdown(0);
    break;
  }
  case 'topups': {
    await migrate(database.db);
    const code = await topupsCli({ database, clock: systemClock }, rest, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await shutdown(code);
    break;
  }
  case 'users': {
    await migrate(database.db);
    const code = await usersCli({ database, clock: systemClock }, rest, (line) =>
      process.stdout.write(`${line}\n`),
    );
    await shutdown(code);
    break;
  }
  case 'worker':
    await migrate(database.db);
    worker.start();
    log.info('worker running');
    break;
  case 'serve': {
    await migrate(database.db);
    if (demo && (await seedDemo({ database, clock: systemClock }))) {
      log.info(`demo data loaded; sign in as agent@kaidan.demo / ${DEMO_PASSWORD} (see README)`);
    }
    const app = createApp({ database, clock: systemClock, log });
    serveConsole(app, fileURLToPath(new URL('../../web/dist', import.meta.url)));
    const port = Number(process.env.PORT ?? 3000);
    serve({ fetch: app.fetch, port });
    worker.start();
    log.info({ port, engine: database.engine }, `Kaidan listening on http://localhost:${port}`);
    break;
  }
  default:
    log.error(`unknown command ${command}; use serve [--demo] | migrate | seed | worker | topups | users`);
    await shutdown(2);
}
