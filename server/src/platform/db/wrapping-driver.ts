// The common part of our driver wrappers below Kysely (query-hook.ts, commit-watch.ts): each wraps every
// connection once, sends every statement — BEGIN, COMMIT and savepoints included, since Kysely's drivers
// run them through the connection they are given — through the wrapped connection, and hands the inner
// driver back its own connection on release.
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

export abstract class WrappedConnection implements DatabaseConnection {
  constructor(readonly inner: DatabaseConnection) {}
  abstract executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>>;
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

type Compile = QueryCompiler['compileQuery'];

export class WrappingDriver<C extends WrappedConnection> implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, C>();
  constructor(
    protected readonly inner: Driver,
    private readonly wrap: (conn: DatabaseConnection) => C,
  ) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.#wrapped.get(conn);
    if (!w) {
      w = this.wrap(conn);
      this.#wrapped.set(conn, w);
    }
    return w;
  }
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }
  async savepoint(conn: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.savepoint?.(conn, name, compile);
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.rollbackToSavepoint?.(conn, name, compile);
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string, compile: Compile): Promise<void> {
    await this.inner.releaseSavepoint?.(conn, name, compile);
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn instanceof WrappedConnection ? conn.inner : conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** The same dialect with its driver wrapped. */
export function withDriver(inner: Dialect, wrap: (driver: Driver) => Driver): Dialect {
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => wrap(inner.createDriver()),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
