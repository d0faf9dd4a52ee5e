import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { checkpointEvery } from './checkpoint-store';
import { type CommitWatch, withCommitWatch } from './commit-watch';
import { lockDataDir } from './data-dir-lock';
import { copyTemplate } from './data-dir-template';
import type { DB, Db } from './executor';
import {
  type ListenHandlers,
  type Listening,
  listenPg,
  listenPglite,
  type PgListenOptions,
} from './listen-store';
import { PGliteDialect } from './pglite-dialect';
import { preparingPglite } from './pglite-prepare';
import { preparingPool, type QueryHook, withQueryHook } from './query-hook';
import { type RunInScope, withRequestScope } from './request-scope';
import { OID, parseDate, parseInt8, parseInt8Array, parseNumeric } from './type-parsers';

export type { DB, Db, Exec, Tx } from './executor';

export type Engine = 'pglite' | 'postgres';

export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** One transaction that every query and use-case transaction started inside `body` joins (request-scope.ts). */
  inScope: RunInScope;
  /** LISTEN on a channel; NOTIFY arrives after the notifying transaction commits (listen-store.ts). */
  listen(channel: string, handlers: ListenHandlers, opts?: PgListenOptions): Promise<Listening>;
  /** PGlite only: a consistent copy of the data directory (backup, test templates). */
  dump?: () => Promise<Blob>;
}

export interface DatabaseOptions {
  /** postgres://… selects a PostgreSQL server through `pg`. */
  url?: string | undefined;
  /** PGlite data directory; 'memory://' for a throwaway instance. */
  dataDir?: string;
  /** A PGlite data-dir dump to start from (tests clone a migrated template this way). */
  loadDataDir?: Blob;
  poolSize?: number;
  /** Called once after every statement the engine runs, BEGIN and COMMIT included (benchmarks count with it). */
  onQuery?: QueryHook;
  /** PGlite only: a migrated data directory to copy into an empty `dataDir` instead of initdb (data-dir-template.ts). */
  template?: { dir: string; key: string } | undefined;
  /** PGlite on disk: how often to CHECKPOINT (default CHECKPOINT_EVERY_MS; checkpoint-store.ts). */
  checkpointMs?: number;
  /** Run parameterised queries as prepared statements (default true): named on `pg` (ADR 0009), PREPARE/EXECUTE on PGlite (ADR 0015). */
  prepare?: boolean;
  /** Told after each commit of a statement carrying a marker (the jobs worker's wake-up, commit-watch.ts). */
  commitWatch?: CommitWatch;
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === OID.INT8) return parseInt8;
    if (oid === OID.NUMERIC) return parseNumeric;
    if (oid === OID.DATE) return parseDate;
    if (oid === OID.INT8_ARRAY) return parseInt8Array;
    return pg.types.getTypeParser(oid, format ?? 'text');
  },
};

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, types: pgTypes });
    const dialect = new PostgresDialect({ pool: opts.prepare === false ? pool : preparingPool(pool) });
    const scoped = withRequestScope(withCommitWatch(withQueryHook(dialect, opts.onQuery), opts.commitWatch));
    const db = new Kysely<DB>({ dialect: scoped.dialect });
    const url = opts.url;
    return {
      db,
      engine: 'postgres',
      inScope: scoped.run,
      listen: (channel, handlers, o) => listenPg(url, channel, handlers, o),
      close: () => db.destroy(),
    };
  }
  const dataDir = opts.dataDir ?? './data';
  const inMemory = dataDir.startsWith('memory://');
  const unlock = inMemory ? () => {} : lockDataDir(dataDir);
  try {
    if (opts.template && !inMemory && !opts.loadDataDir) copyTemplate(dataDir, opts.template);
    const lite = await PGlite.create({
      ...(inMemory ? {} : { dataDir }),
      ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
      parsers: {
        [OID.INT8]: parseInt8,
        [OID.NUMERIC]: parseNumeric,
        [OID.DATE]: parseDate,
        [OID.INT8_ARRAY]: parseInt8Array,
      },
    });
    const session = opts.prepare === false ? lite : await preparingPglite(lite);
    const scoped = withRequestScope(
      withCommitWatch(withQueryHook(new PGliteDialect(session), opts.onQuery), opts.commitWatch),
    );
    const db = new Kysely<DB>({ dialect: scoped.dialect });
    const stopCheckpoints = inMemory ? () => {} : checkpointEvery(db, opts.checkpointMs);
    return {
      db,
      engine: 'pglite',
      inScope: scoped.run,
      listen: (channel, handlers) => listenPglite(db, lite, channel, handlers),
      // Taken through a connection so no transaction is half-way when the copy is made.
      dump: () => db.connection().execute(() => lite.dumpDataDir('gzip')),
      close: async () => {
        stopCheckpoints();
        await db.destroy();
        unlock();
      },
    };
  } catch (e) {
    unlock();
    throw e;
  }
}
