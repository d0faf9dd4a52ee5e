// One request, one transaction. An idempotent POST opens a scope: every query made inside it, and every
// `db.transaction()` a use case opens (as a savepoint), runs on the scope's connection, so the stored
// Idempotency-Key answer commits or rolls back together with the effect (invariant 6), whatever crashes.
import { AsyncLocalStorage } from 'node:async_hooks';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type QueryCompiler,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';

interface Scope {
  conn: DatabaseConnection;
  /** False once the scope has committed or rolled back: late work started inside it gets its own connection. */
  open: boolean;
  savepoints: number;
}

/** What the scope's body decides: keep its writes (commit) or undo them (rollback), and what to answer. */
export interface ScopeOutcome<T> {
  commit: boolean;
  value: T;
}

export type RunInScope = <T>(body: () => Promise<ScopeOutcome<T>>) => Promise<T>;

const scopes = new AsyncLocalStorage<Scope>();

/** A use case's connection inside a scope: its transaction is a savepoint of the scope's. */
class Joined implements DatabaseConnection {
  constructor(
    readonly scope: Scope,
    readonly savepoint: string,
  ) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    return this.scope.conn.executeQuery<R>(q);
  }
  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.scope.conn.streamQuery<R>(q, chunkSize);
  }
}

const raw = (conn: DatabaseConnection, text: string) => conn.executeQuery(CompiledQuery.raw(text));

class ScopedDriver implements Driver {
  #ready: Promise<void> | undefined;
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    this.#ready ??= this.inner.init();
    return this.#ready;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = scopes.getStore();
    if (scope?.open) return new Joined(scope, `kaidan_sp_${++scope.savepoints}`);
    return this.inner.acquireConnection();
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.beginTransaction(conn, settings);
    if (settings.isolationLevel || settings.accessMode) {
      throw new Error('A transaction inside a request scope cannot set its own isolation or access mode');
    }
    await raw(conn, `savepoint ${conn.savepoint}`);
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.commitTransaction(conn);
    await raw(conn, `release savepoint ${conn.savepoint}`);
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.rollbackTransaction(conn);
    await raw(conn, `rollback to savepoint ${conn.savepoint}`);
    await raw(conn, `release savepoint ${conn.savepoint}`);
  }
  async savepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.savepoint?.(conn, name, compile);
  }
  async rollbackToSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.rollbackToSavepoint?.(conn, name, compile);
  }
  async releaseSavepoint(conn: DatabaseConnection, name: string, compile: QueryCompiler['compileQuery']) {
    await this.inner.releaseSavepoint?.(conn, name, compile);
  }
  async releaseConnection(conn: DatabaseConnection): Promise<void> {
    if (!(conn instanceof Joined)) await this.inner.releaseConnection(conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }

  async run<T>(body: () => Promise<ScopeOutcome<T>>): Promise<T> {
    await this.init();
    const conn = await this.inner.acquireConnection();
    const scope: Scope = { conn, open: true, savepoints: 0 };
    try {
      await this.inner.beginTransaction(conn, {});
      let out: ScopeOutcome<T>;
      try {
        out = await scopes.run(scope, body);
      } catch (e) {
        await this.inner.rollbackTransaction(conn);
        throw e;
      }
      if (out.commit) await this.inner.commitTransaction(conn);
      else await this.inner.rollbackTransaction(conn);
      return out.value;
    } finally {
      scope.open = false;
      await this.inner.releaseConnection(conn);
    }
  }
}

/** Wraps a dialect so that `run` can open a request scope on the database built from it. */
export function withRequestScope(inner: Dialect): { dialect: Dialect; run: RunInScope } {
  let driver: ScopedDriver | undefined;
  const dialect: Dialect = {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => {
      driver = new ScopedDriver(inner.createDriver());
      return driver;
    },
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
  const run: RunInScope = (body) => {
    if (!driver) throw new Error('The database has not been opened');
    return driver.run(body);
  };
  return { dialect, run };
}

/** True inside a request scope (its queries share one transaction). */
export const inRequestScope = (): boolean => scopes.getStore()?.open === true;
