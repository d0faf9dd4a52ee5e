// Kysely dialect for PGlite. PGlite is one backend with one session, so every connection handed out
// is the same session: we serialise acquisitions behind a mutex so a transaction owns the session
// from BEGIN to COMMIT and no other query can interleave (kysely-pglite interleaves and loses commits).
import type { PGlite } from '@electric-sql/pglite';
import {
  type CompiledQuery,
  CompiledQuery as CQ,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  PostgresAdapter,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

class Mutex {
  #tail: Promise<void> = Promise.resolve();
  lock(): Promise<() => void> {
    let release!: () => void;
    const next = new Promise<void>((r) => {
      release = r;
    });
    const ready = this.#tail.then(() => release);
    this.#tail = this.#tail.then(() => next);
    return ready;
  }
}

class PGliteConnection implements DatabaseConnection {
  constructor(private readonly pg: PGlite) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    // S-11: PGlite runs PostgreSQL synchronously in this process, so a statement's promise settles without
    // the event loop polling sockets: a whole transaction, and the next waiter after it, ran without the
    // server accepting a connection or reading a request. New clients waited in the kernel's accept queue
    // while clients already connected kept getting answers (64 new clients: the last one's first answer
    // after 6.5–12.8 s). One event-loop turn before each statement lets arrivals be accepted and queue
    // behind the mutex in the order they came; the mutex still keeps the session for one holder.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (query.parameters.length === 0) {
      // The simple protocol, so migrations and scripts may hold several statements (as on `pg`).
      const all = await this.pg.exec(query.sql);
      const last = all.at(-1);
      return {
        rows: (last?.rows ?? []) as R[],
        numAffectedRows: last?.affectedRows === undefined ? undefined : BigInt(last.affectedRows),
      };
    }
    const res = await this.pg.query<R>(query.sql, query.parameters as unknown[]);
    return {
      rows: res.rows,
      numAffectedRows: res.affectedRows === undefined ? undefined : BigInt(res.affectedRows),
    };
  }
  // biome-ignore lint/correctness/useYield: streaming is not supported by PGlite; fail loudly.
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streamQuery is not supported on PGlite');
  }
}

class PGliteDriver implements Driver {
  readonly #mutex = new Mutex();
  readonly #conn: PGliteConnection;
  #release: (() => void) | undefined;
  constructor(private readonly pg: PGlite) {
    this.#conn = new PGliteConnection(pg);
  }
  async init(): Promise<void> {
    await this.pg.waitReady;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    this.#release = await this.#mutex.lock();
    return this.#conn;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const iso = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await conn.executeQuery(CQ.raw(`begin${iso}`));
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('commit'));
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    await conn.executeQuery(CQ.raw('rollback'));
  }
  async savepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CQ.raw(`savepoint ${name}`));
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CQ.raw(`rollback to savepoint ${name}`));
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string): Promise<void> {
    await conn.executeQuery(CQ.raw(`release savepoint ${name}`));
  }
  async releaseConnection(): Promise<void> {
    const release = this.#release;
    this.#release = undefined;
    release?.();
  }
  async destroy(): Promise<void> {
    if (!this.pg.closed) await this.pg.close();
  }
}

export class PGliteDialect implements Dialect {
  constructor(private readonly pg: PGlite) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PGliteDriver(this.pg);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
  createIntrospector(db: Kysely<unknown>) {
    return new PostgresIntrospector(db);
  }
}
