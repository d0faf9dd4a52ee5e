import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { toDate } from '../clock';
import type { Db, Exec, Tx } from '../db/database';
import { claimJobs, failJob, finishJob, finishJobs, type JobRow } from './jobs-store';

/**
 * Runs one job. Handlers must be idempotent: a job may run again after a crash between its effect and
 * `done`. By default a handler gets a transaction that also marks its job done, so an effect in the
 * database happens exactly once; an external handler (`externalJob`) gets the pool instead.
 */
export interface JobHandler {
  (tx: Tx, payload: Record<string, unknown>, job: JobRow): Promise<void>;
  /**
   * On external handlers (`externalJob`): the same work given the pool, which the worker calls instead —
   * the effect is outside the database (SMTP), so no transaction is held while it waits; done per batch.
   */
  readonly external?: ExternalRun;
  /** Reads what its jobs need in one statement per batch (`externalBatchJob`). */
  readonly batch?: ExternalBatch<unknown>;
}

export type ExternalRun = (ex: Exec, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

/** An external job in two steps, so a batch of N costs one read instead of N (PGlite: N waits for the session). */
export interface ExternalBatch<T> {
  /** What the jobs of one batch need, by job id; a job missing from the map gets `undefined`. */
  load(ex: Exec, jobs: readonly JobRow[]): Promise<ReadonlyMap<string, T>>;
  /** The effect of one job, outside any transaction. */
  send(item: T | undefined, job: JobRow): Promise<void>;
}

/**
 * A handler whose effect leaves the database (an email): it runs outside any transaction, so waiting on
 * the remote side holds no connection (on PGlite: not the one session every request needs), and its job is
 * marked done together with the rest of its batch in one statement. A crash before that statement sends
 * again after the lease — at-least-once, as the outbox promises anyway.
 */
export function externalJob(run: ExternalRun): JobHandler {
  const inTx: JobHandler = (tx, payload, job) => run(tx, payload, job);
  return Object.assign(inTx, { external: run });
}

/** `externalJob` whose reads are batched: the worker calls `load` once for a claimed batch's jobs of its kind. */
export function externalBatchJob<T>(batch: ExternalBatch<T>): JobHandler {
  const one: ExternalRun = async (ex, _payload, job) =>
    batch.send((await batch.load(ex, [job])).get(job.id), job);
  return Object.assign(externalJob(one), { batch: batch as ExternalBatch<unknown> });
}

export const MAX_ATTEMPTS = 8;
/** A claimed job not done by then is claimed again (its worker is taken to have died). */
const LEASE_SECONDS = 300;

type Loaded = { item: unknown } | { error: unknown };

export interface WorkerOptions {
  /** Jobs claimed by one statement: a worker kept waiting for a connection still drains a batch per wait. */
  batch?: number;
  /** Jobs of a batch running at the same time (SMTP round trips overlap; PGlite still runs SQL one at a time). */
  concurrency?: number;
  /** How long a wake-up waits for more commits to join the same claim (fewer claims under load). */
  wakeDelayMs?: number;
}

export class Worker {
  readonly #batch: number;
  readonly #concurrency: number;
  readonly #wakeDelayMs: number;
  #intervalMs = 1000;
  #started = false;
  #busy = false;
  #again = false;
  #timer: NodeJS.Timeout | undefined;
  #dueAt = 0;
  #running: Promise<void> | undefined;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly log?: Logger,
    options: WorkerOptions = {},
  ) {
    this.#batch = options.batch ?? 100;
    this.#concurrency = options.concurrency ?? 8;
    this.#wakeDelayMs = options.wakeDelayMs ?? 2;
  }

  /** Claims and runs due jobs until none is left; returns how many ran. */
  drain(batch = this.#batch): Promise<number> {
    return this.#drain(batch, true);
  }

  async #drain(batch: number, untilEmpty: boolean): Promise<number> {
    let total = 0;
    let finished: string[] = [];
    for (;;) {
      // The previous batch's external jobs are marked done by this claim (one statement for both), and the
      // batch's reads follow on the same connection: one wait for it (PGlite: one turn of the session).
      const now = toDate(this.clock.now());
      const { jobs, loaded } = await this.db.connection().execute(async (conn) => {
        const claimed = await claimJobs(conn, now, batch, LEASE_SECONDS, finished);
        return { jobs: claimed, loaded: await this.#load(conn, claimed) };
      });
      if (jobs.length === 0) return total;
      finished = await this.#runBatch(jobs, loaded);
      total += jobs.length;
      // A short claim means nothing else was due; a commit since then wakes the loop again.
      if (!untilEmpty && jobs.length < batch) {
        await finishJobs(this.db, finished, toDate(this.clock.now()));
        return total;
      }
    }
  }

  /** Runs a claimed batch, at most `concurrency` at a time; answers the external jobs to mark done. */
  async #runBatch(jobs: readonly JobRow[], loaded: ReadonlyMap<string, Loaded>): Promise<string[]> {
    const finished: string[] = [];
    let next = 0;
    const lane = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        if (await this.#run(job, loaded)) finished.push(job.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, jobs.length) }, lane));
    return finished;
  }

  /** One read per kind with a batch handler; a failed read fails that kind's jobs (each retries). */
  async #load(ex: Exec, jobs: readonly JobRow[]): Promise<Map<string, Loaded>> {
    const byKind = new Map<string, JobRow[]>();
    for (const job of jobs) {
      if (!this.handlers.get(job.kind)?.batch) continue;
      byKind.set(job.kind, [...(byKind.get(job.kind) ?? []), job]);
    }
    const loaded = new Map<string, Loaded>();
    for (const [kind, group] of byKind) {
      try {
        const items = (await this.handlers.get(kind)?.batch?.load(ex, group)) ?? new Map();
        for (const job of group) loaded.set(job.id, { item: items.get(job.id) });
      } catch (e) {
        for (const job of group) loaded.set(job.id, { error: e });
      }
    }
    return loaded;
  }

  /** True when the job succeeded and still has to be marked done (external handlers). */
  async #run(job: JobRow, loaded: ReadonlyMap<string, Loaded>): Promise<boolean> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      const pre = loaded.get(job.id);
      if (pre && handler.batch) {
        if ('error' in pre) throw pre.error;
        await handler.batch.send(pre.item, job);
        return true;
      }
      if (handler.external) {
        await handler.external(this.db, job.payload, job);
        return true;
      }
      await this.db.transaction().execute(async (tx) => {
        await handler(tx, job.payload, job);
        await finishJob(tx, job.id, toDate(this.clock.now()));
      });
    } catch (e) {
      const backoff = 2 ** job.attempts * 1000;
      const retry =
        job.attempts >= MAX_ATTEMPTS ? null : new Date(toDate(this.clock.now()).getTime() + backoff);
      this.log?.warn({ job: job.id, kind: job.kind, err: String(e) }, 'job failed');
      await failJob(this.db, job.id, String(e), retry);
    }
    return false;
  }

  /** Polls every `intervalMs` (jobs of other processes, retries coming due); `wake` runs it sooner. */
  start(intervalMs = 1000): void {
    this.#intervalMs = intervalMs;
    this.#started = true;
    this.#schedule(0);
  }

  /**
   * A job was committed in this process (platform/db/commit-watch.ts): drain now instead of at the next
   * poll. While a drain runs, it goes round once more rather than starting a second one.
   */
  wake(): void {
    if (!this.#started) return;
    if (this.#busy) this.#again = true;
    // Only ever sooner: a stream of commits must not keep pushing the pending drain back.
    else if (this.#timer === undefined || this.#dueAt > Date.now() + this.#wakeDelayMs)
      this.#schedule(this.#wakeDelayMs);
  }

  #schedule(ms: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#dueAt = Date.now() + ms;
    this.#timer = setTimeout(() => this.#tick(), ms);
  }

  #tick(): void {
    this.#timer = undefined;
    this.#busy = true;
    this.#again = false;
    this.#running = this.#drain(this.#batch, false)
      .then(
        () => undefined,
        (e: unknown) => {
          this.log?.error({ err: String(e) }, 'worker tick failed');
        },
      )
      .finally(() => {
        this.#busy = false;
        if (this.#started) this.#schedule(this.#again ? 0 : this.#intervalMs);
      });
  }

  async stop(): Promise<void> {
    this.#started = false;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
