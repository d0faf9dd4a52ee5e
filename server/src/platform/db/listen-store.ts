// LISTEN for NOTIFY on one channel (ADR 0011). On PostgreSQL a dedicated connection outside the pool,
// reconnected when it drops; while it is down the subscriber is told so (`state(false)`), since whatever
// was notified meanwhile is lost. On PGlite the one in-process instance delivers notifications itself, at
// COMMIT, before the commit returns; it cannot drop.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './executor';

export interface ListenHandlers {
  notify(payload: string): void;
  /** True once LISTEN is in effect (again); false when notifications may have been missed. */
  state(listening: boolean): void;
}

export interface Listening {
  close(): Promise<void>;
}

export interface PgListenOptions {
  /** First reconnect delay; it doubles up to 30 s. */
  retryMs?: number;
  /** A `select 1` this often notices a connection that died without telling (half-open TCP). */
  heartbeatMs?: number;
}

/** Names the connection in pg_stat_activity (operators, and the test that cuts it). */
export const LISTEN_APPLICATION = 'kaidan-listen';

const ident = (name: string) => `"${name.replaceAll('"', '""')}"`;

export async function listenPg(
  url: string,
  channel: string,
  h: ListenHandlers,
  o: PgListenOptions = {},
): Promise<Listening> {
  const firstRetry = o.retryMs ?? 1000;
  let retry = firstRetry;
  let live: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  const dead = new WeakSet<pg.Client>();

  const lost = (c: pg.Client) => {
    if (dead.has(c)) return;
    dead.add(c);
    c.end().catch(() => {});
    if (live === c) {
      live = undefined;
      h.state(false);
    }
    if (closed) return;
    timer = setTimeout(() => void connect(), retry);
    retry = Math.min(retry * 2, 30_000);
  };

  async function connect(): Promise<void> {
    const c = new pg.Client({
      connectionString: url,
      keepAlive: true,
      connectionTimeoutMillis: 10_000,
      application_name: LISTEN_APPLICATION,
    });
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (m) => {
      if (m.channel === channel && live === c) h.notify(m.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${ident(channel)}`);
    } catch {
      lost(c);
      return;
    }
    if (closed || dead.has(c)) {
      lost(c);
      return;
    }
    live = c;
    retry = firstRetry;
    h.state(true);
  }

  const beat = setInterval(() => {
    const c = live;
    if (!c) return;
    const limit = setTimeout(() => lost(c), o.heartbeatMs ?? 15_000);
    c.query('select 1').then(
      () => clearTimeout(limit),
      () => {
        clearTimeout(limit);
        lost(c);
      },
    );
  }, o.heartbeatMs ?? 15_000);
  beat.unref();

  await connect();
  return {
    close: async () => {
      closed = true;
      clearInterval(beat);
      clearTimeout(timer);
      const c = live;
      live = undefined;
      if (c) {
        dead.add(c);
        await c.end().catch(() => {});
      }
    },
  };
}

/** PGlite: LISTEN runs through the dialect's connection so it never lands inside someone's transaction. */
export async function listenPglite(
  db: Db,
  lite: PGlite,
  channel: string,
  h: ListenHandlers,
): Promise<Listening> {
  const unlisten = await db.connection().execute(() => lite.listen(channel, (payload) => h.notify(payload)));
  h.state(true);
  return {
    close: async () => {
      if (!lite.closed) await db.connection().execute(() => unlisten());
    },
  };
}
