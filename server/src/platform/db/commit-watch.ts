// A driver wrapper that tells when work has committed, for in-process wake-ups (the jobs worker, issue #11):
// a statement whose text contains `marker` arms its connection, and the connection's next COMMIT calls
// `onCommit` (at once for a statement outside a transaction; never after a ROLLBACK). It adds no statement
// and works the same on both engines, because every statement and every BEGIN/COMMIT passes through the
// connection it wraps — including a request scope's (request-scope.ts wraps this one).
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

export interface CommitWatch {
  /** A fragment of SQL text (e.g. a comment) that the watched statements carry. */
  marker: string;
  /** Called after the transaction that ran a marked statement has committed; must not throw. */
  onCommit: () => void;
}

class WatchedConnection implements DatabaseConnection {
  inTransaction = false;
  armed = false;
  constructor(
    readonly inner: DatabaseConnection,
    private readonly watch: CommitWatch,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.inner.executeQuery<R>(query);
    if (query.sql.includes(this.watch.marker)) {
      if (this.inTransaction) this.armed = true;
      else this.watch.onCommit();
    }
    return res;
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class WatchingDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, WatchedConnection>();
  constructor(
    private readonly inner: Driver,
    private readonly watch: CommitWatch,
  ) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.#wrapped.get(conn);
    if (!w) {
      w = new WatchedConnection(conn, this.watch);
      this.#wrapped.set(conn, w);
    }
    return w;
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const w = conn as WatchedConnection;
    await this.inner.beginTransaction(w.inner, settings);
    w.inTransaction = true;
    w.armed = false;
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    const w = conn as WatchedConnection;
    try {
      await this.inner.commitTransaction(w.inner);
      if (w.armed) this.watch.onCommit();
    } finally {
      w.inTransaction = false;
      w.armed = false;
    }
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    const w = conn as WatchedConnection;
    try {
      await this.inner.rollbackTransaction(w.inner);
    } finally {
      w.inTransaction = false;
      w.armed = false;
    }
  }
  async savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint?.((conn as WatchedConnection).inner, name, compile);
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    // A marked statement undone here may still leave `armed` set: at worst one wake-up that finds nothing.
    await this.inner.rollbackToSavepoint?.((conn as WatchedConnection).inner, name, compile);
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint?.((conn as WatchedConnection).inner, name, compile);
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn instanceof WatchedConnection ? conn.inner : conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Wraps a dialect so that `watch.onCommit` runs after each commit of a marked statement. */
export function withCommitWatch(inner: Dialect, watch: CommitWatch | undefined): Dialect {
  if (!watch) return inner;
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new WatchingDriver(inner.createDriver(), watch),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}
