import { serve } from '@hono/node-server';
import { pino } from 'pino';
import { createApp } from './http/app';
import { systemClock } from './platform/clock';
import { openDatabase } from './platform/db/database';
import { migrate } from './platform/db/migrate';
import { Worker } from './platform/jobs/worker';

// The single wiring root: every command builds its dependencies here and nowhere else.
const log = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const [command = 'serve'] = process.argv.slice(2);

const database = await openDatabase({
  url: process.env.DATABASE_URL,
  dataDir: process.env.KAIDAN_DATA ?? './data',
});
const worker = new Worker(database.db, systemClock, new Map(), log);
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
  case 'worker':
    await migrate(database.db);
    worker.start();
    log.info('worker running');
    break;
  case 'serve': {
    await migrate(database.db);
    const app = createApp({ database, clock: systemClock, log });
    const port = Number(process.env.PORT ?? 3000);
    serve({ fetch: app.fetch, port });
    worker.start();
    log.info({ port, engine: database.engine }, `Kaidan listening on http://localhost:${port}`);
    break;
  }
  default:
    log.error(`unknown command ${command}; use serve | migrate | worker`);
    await shutdown(2);
}
