// Driver wrappers below Kysely: a per-statement hook that sees each statement sent to the engine exactly
// once (Kysely's own `log` counts a request scope's statements twice: once on the joined connection and
// once on the scope's), and named prepared statements on `pg` (ADR 0009).
import { createHash } from 'node:crypto';
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  Driver,
  LogEvent,
  PostgresCursor,
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryResult,
  QueryResult,
  TransactionSettings,
} from 'kysely';
import type pg from 'pg';

export type QueryHook = (e: LogEvent) => void;

class HookedConnection implements DatabaseConnection {
  constructor(
    readonly inner: DatabaseConnection,
    private readonly hook: QueryHook,
  ) {}
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const t0 = performance.now();
    const res = await this.inner.executeQuery<R>(query);
    this.hook({ level: 'query', query, queryDurationMillis: performance.now() - t0 });
    return res;
  }
  streamQuery<R>(query: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(query, chunkSize);
  }
}

class HookedDriver implements Driver {
  readonly #wrapped = new WeakMap<DatabaseConnection, HookedConnection>();
  constructor(
    private readonly inner: Driver,
    private readonly hook: QueryHook,
  ) {}
  init(): Promise<void> {
    return this.inner.init();
  }
  async acquireConnection(): Promise<DatabaseConnection> {
    const conn = await this.inner.acquireConnection();
    let w = this.#wrapped.get(conn);
    if (!w) {
      w = new HookedConnection(conn, this.hook);
      this.#wrapped.set(conn, w);
    }
    return w;
  }
  // The inner driver's transaction commands only call executeQuery, so they go through the hook.
  beginTransaction(conn: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    return this.inner.beginTransaction(conn, settings);
  }
  commitTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.commitTransaction(conn);
  }
  rollbackTransaction(conn: DatabaseConnection): Promise<void> {
    return this.inner.rollbackTransaction(conn);
  }
  async savepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['savepoint']>>[2],
  ) {
    await this.inner.savepoint?.(conn, name, compile);
  }
  async rollbackToSavepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['rollbackToSavepoint']>>[2],
  ) {
    await this.inner.rollbackToSavepoint?.(conn, name, compile);
  }
  async releaseSavepoint(
    conn: DatabaseConnection,
    name: string,
    compile: Parameters<NonNullable<Driver['releaseSavepoint']>>[2],
  ) {
    await this.inner.releaseSavepoint?.(conn, name, compile);
  }
  releaseConnection(conn: DatabaseConnection): Promise<void> {
    return this.inner.releaseConnection(conn instanceof HookedConnection ? conn.inner : conn);
  }
  destroy(): Promise<void> {
    return this.inner.destroy();
  }
}

/** Calls `hook` once per statement the engine runs (benchmarks and structural tests count with it). */
export function withQueryHook(inner: Dialect, hook: QueryHook | undefined): Dialect {
  if (!hook) return inner;
  return {
    createAdapter: () => inner.createAdapter(),
    createDriver: () => new HookedDriver(inner.createDriver(), hook),
    createQueryCompiler: () => inner.createQueryCompiler(),
    createIntrospector: (db) => inner.createIntrospector(db),
  };
}

/** Distinct statements one connection keeps prepared; beyond it queries run unnamed (bounded server memory). */
const MAX_PREPARED_PER_CONNECTION = 1000;
const names = new Map<string, string>();

/** A stable statement name for a query text (same text, same name, on every connection). */
export function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `k_${createHash('sha1').update(text).digest('base64url')}`;
    if (names.size < 10_000) names.set(text, name);
  }
  return name;
}

/**
 * A `pg` pool whose clients run every parameterised query as a named statement, so PostgreSQL parses and
 * plans it once per connection instead of on every call. Queries without parameters (migrations,
 * BEGIN/COMMIT, multi-statement scripts) stay on the simple protocol.
 */
export function preparingPool(pool: pg.Pool): PostgresPool {
  const clients = new WeakMap<pg.PoolClient, PreparingClient>();
  return {
    connect: async () => {
      const client = await pool.connect();
      let w = clients.get(client);
      if (!w) {
        w = new PreparingClient(client);
        clients.set(client, w);
      }
      return w;
    },
    end: () => pool.end(),
  };
}

class PreparingClient implements PostgresPoolClient {
  readonly #prepared = new Set<string>();
  constructor(private readonly client: pg.PoolClient) {}
  query<R>(sql: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    q: string | PostgresCursor<R>,
    values?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof q !== 'string')
      return this.client.query(q as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    const params = [...(values ?? [])];
    if (params.length === 0) return this.run<R>(this.client.query(q, params));
    const name = statementName(q);
    if (!this.#prepared.has(name)) {
      if (this.#prepared.size >= MAX_PREPARED_PER_CONNECTION)
        return this.run<R>(this.client.query(q, params));
      this.#prepared.add(name);
    }
    return this.run<R>(this.client.query({ name, text: q, values: params }));
  }
  release(destroy?: boolean): void {
    this.client.release(destroy);
  }
  private async run<R>(p: Promise<pg.QueryResult>): Promise<PostgresQueryResult<R>> {
    const r = await p;
    return {
      command: r.command as PostgresQueryResult<R>['command'],
      rowCount: r.rowCount ?? 0,
      rows: r.rows as R[],
    };
  }
}
