// Driver wrappers below Kysely: a per-statement hook that sees each statement sent to the engine exactly
// once (Kysely's own `log` counts a request scope's statements twice: once on the joined connection and
// once on the scope's), and named prepared statements on `pg` (ADR 0009).
import { createHash } from 'node:crypto';
import type {
  CompiledQuery,
  DatabaseConnection,
  Dialect,
  LogEvent,
  PostgresCursor,
  PostgresPool,
  PostgresPoolClient,
  PostgresQueryResult,
  QueryResult,
} from 'kysely';
import type pg from 'pg';
import { WrappedConnection, WrappingDriver, withDriver } from './wrapping-driver';

export type QueryHook = (e: LogEvent) => void;

class HookedConnection extends WrappedConnection {
  constructor(
    inner: DatabaseConnection,
    private readonly hook: QueryHook,
  ) {
    super(inner);
  }
  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const t0 = performance.now();
    const res = await this.inner.executeQuery<R>(query);
    this.hook({ level: 'query', query, queryDurationMillis: performance.now() - t0 });
    return res;
  }
}

/** Calls `hook` once per statement the engine runs (benchmarks and structural tests count with it). */
export function withQueryHook(inner: Dialect, hook: QueryHook | undefined): Dialect {
  if (!hook) return inner;
  return withDriver(
    inner,
    (driver) => new WrappingDriver(driver, (conn) => new HookedConnection(conn, hook)),
  );
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
