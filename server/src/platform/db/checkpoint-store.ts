import { type Kysely, sql } from 'kysely';

// PGlite runs PostgreSQL as a single backend with no checkpointer process, so nothing checkpoints on a
// timer and the WAL of a busy embedded server grew past 1.6 GB over a 30-minute soak (docs/performance.md).
// A CHECKPOINT every two minutes lets PostgreSQL recycle the segments behind it: the WAL stays near
// min_wal_size (80 MB) however long the server runs. It takes a connection like any query, so it never
// lands inside somebody's transaction.

export const CHECKPOINT_EVERY_MS = 120_000;

export function checkpointEvery<DB>(db: Kysely<DB>, ms = CHECKPOINT_EVERY_MS): () => void {
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (running) return;
    running = sql`checkpoint`
      .execute(db)
      .catch((e: unknown) => process.emitWarning(`PGlite checkpoint failed: ${String(e)}`))
      .finally(() => {
        running = null;
      });
  }, ms);
  timer.unref();
  return () => clearInterval(timer);
}
