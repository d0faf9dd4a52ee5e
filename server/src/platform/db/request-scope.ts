// One request, one transaction. An idempotent POST opens a scope: every query made inside it, and every
// `db.transaction()` a use case opens, runs on the scope's connection inside the scope's one transaction, so
// the stored Idempotency-Key answer commits or rolls back together with the effect (invariant 6), whatever
// crashes. A use case's transaction inside a scope costs no statement (ADR 0009): its BEGIN and COMMIT are
// no-ops, and its rollback poisons the scope — nothing may run on it afterwards and it can only roll back.
import { AsyncLocalStorage } from 'node:async_hooks';
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  QueryCompiler,
  QueryResult,
  TransactionSettings,
} from 'kysely';

interface Scope {
  conn: DatabaseConnection;
  /** False once the scope has committed or rolled back: late work started inside it gets its own connection. */
  open: boolean;
  /** Set when a use-case transaction inside the scope rolled back: its writes are still in the scope's. */
  poisoned: boolean;
  /** What `afterCommit` deferred until the scope's transaction has committed. */
  committed: (() => void)[];
}

/** What the scope's body decides: keep its writes (commit) or undo them (rollback), and what to answer. */
export interface ScopeOutcome<T> {
  commit: boolean;
  value: T;
}

export type RunInScope = <T>(body: () => Promise<ScopeOutcome<T>>) => Promise<T>;

const scopes = new AsyncLocalStorage<Scope>();

/** Thrown when work would build on (or commit) writes that a rolled-back use case left in the scope. */
export class PoisonedScopeError extends Error {
  constructor() {
    super('A transaction inside this request scope rolled back; the scope can only roll back');
  }
}

/** A use case's connection inside a scope: its transaction is the scope's. */
class Joined implements DatabaseConnection {
  constructor(readonly scope: Scope) {}
  executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    if (this.scope.poisoned) return Promise.reject(new PoisonedScopeError());
    return this.scope.conn.executeQuery<R>(q);
  }
  streamQuery<R>(q: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    if (this.scope.poisoned) throw new PoisonedScopeError();
    return this.scope.conn.streamQuery<R>(q, chunkSize);
  }
}

class ScopedDriver implements Driver {
  #ready: Promise<void> | undefined;
  constructor(private readonly inner: Driver) {}

  init(): Promise<void> {
    this.#ready ??= this.inner.init();
    return this.#ready;
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const scope = scopes.getStore();
    if (scope?.open) return new Joined(scope);
    return this.inner.acquireConnection();
  }
  async beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.beginTransaction(conn, settings);
    if (settings.isolationLevel || settings.accessMode) {
      throw new Error('A transaction inside a request scope cannot set its own isolation or access mode');
    }
  }
  async commitTransaction(conn: DatabaseConnection): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.commitTransaction(conn);
  }
  async rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    if (!(conn instanceof Joined)) return this.inner.rollbackTransaction(conn);
    conn.scope.poisoned = true;
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
    const scope: Scope = { conn, open: true, poisoned: false, committed: [] };
    try {
      await this.inner.beginTransaction(conn, {});
      let out: ScopeOutcome<T>;
      try {
        out = await scopes.run(scope, body);
      } catch (e) {
        await this.inner.rollbackTransaction(conn);
        throw e;
      }
      if (out.commit && !scope.poisoned) {
        await this.inner.commitTransaction(conn);
        for (const fn of scope.committed) fn();
        return out.value;
      }
      await this.inner.rollbackTransaction(conn);
      if (out.commit) throw new PoisonedScopeError();
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

/**
 * Runs `fn` once the caller's writes are committed: at once outside a request scope (a use case calls it
 * after its own transaction returned), after the scope's COMMIT inside one, never if the scope rolls back.
 * For in-process caches: dropping an entry before the commit would let a concurrent read cache the old row
 * again (principal-cache.ts).
 */
export function afterCommit(fn: () => void): void {
  const scope = scopes.getStore();
  if (scope?.open) scope.committed.push(fn);
  else fn();
}
