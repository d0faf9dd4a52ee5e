// A driver wrapper that tells when work has committed, for in-process wake-ups (the jobs worker, issue #11):
// a statement whose text contains `marker` arms its connection, and the connection's next COMMIT calls
// `onCommit` (at once for a statement outside a transaction; never after a ROLLBACK). It adds no statement
// and works the same on both engines, because every statement and every BEGIN/COMMIT passes through the
// connection it wraps — including a request scope's (request-scope.ts wraps this one).
import type { CompiledQuery, DatabaseConnection, Dialect, QueryResult, TransactionSettings } from 'kysely';
import { WrappedConnection, WrappingDriver, withDriver } from './wrapping-driver';

export interface CommitWatch {
  /** A fragment of SQL text (e.g. a comment) that the watched statements carry. */
  marker: string;
  /** Called after the transaction that ran a marked statement has committed; must not throw. */
  onCommit: () => void;
}

class WatchedConnection extends WrappedConnection {
  inTransaction = false;
  armed = false;
  constructor(
    inner: DatabaseConnection,
    private readonly watch: CommitWatch,
  ) {
    super(inner);
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const res = await this.inner.executeQuery<R>(query);
    if (query.sql.includes(this.watch.marker)) {
      if (this.inTransaction) this.armed = true;
      else this.watch.onCommit();
    }
    return res;
  }
}

// A marked statement undone by a rollback to a savepoint may still leave `armed` set: at worst one
// wake-up that finds nothing.
class WatchingDriver extends WrappingDriver<WatchedConnection> {
  constructor(
    inner: ConstructorParameters<typeof WrappingDriver>[0],
    private readonly watch: CommitWatch,
  ) {
    super(inner, (conn) => new WatchedConnection(conn, watch));
  }
  override async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const w = conn as WatchedConnection;
    await super.beginTransaction(conn, settings);
    w.inTransaction = true;
    w.armed = false;
  }
  override async commitTransaction(conn: DatabaseConnection): Promise<void> {
    const w = conn as WatchedConnection;
    try {
      await super.commitTransaction(conn);
      if (w.armed) this.watch.onCommit();
    } finally {
      w.inTransaction = false;
      w.armed = false;
    }
  }
  override async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    const w = conn as WatchedConnection;
    try {
      await super.rollbackTransaction(conn);
    } finally {
      w.inTransaction = false;
      w.armed = false;
    }
  }
}

/** Wraps a dialect so that `watch.onCommit` runs after each commit of a marked statement. */
export function withCommitWatch(inner: Dialect, watch: CommitWatch | undefined): Dialect {
  if (!watch) return inner;
  return withDriver(inner, (driver) => new WatchingDriver(driver, watch));
}
