import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { toDate } from '../clock';
import type { Db, Exec } from '../db/database';
import { claimJobs, failJob, finishJob, finishJobs, type JobRow } from './jobs-store';

/**
 * Runs one job. Handlers must be idempotent: a job may run again after a crash between its effect and
 * `done`. By default a handler gets a transaction that also marks its job done, so an effect in the
 * database happens exactly once; an `external` handler (see `externalJob`) gets the pool instead.
 */
export interface JobHandler {
  (ex: Exec, payload: Record<string, unknown>, job: JobRow): Promise<void>;
  /** Its effect is outside the database (SMTP): no transaction is held while it waits; done per batch. */
  readonly external?: boolean;
}

/**
 * A handler whose effect leaves the database (an email): it runs outside any transaction, so waiting on
 * the remote side holds no connection (on PGlite: not the one session every request needs), and its job is
 * marked done together with the rest of its batch in one statement. A crash before that statement sends
 * again after the lease — at-least-once, as the outbox promises anyway.
 */
export function externalJob(
  run: (ex: Exec, payload: Record<string, unknown>, job: JobRow) => Promise<void>,
): JobHandler {
  return Object.assign(run, { external: true as const });
}

export const MAX_ATTEMPTS = 8;

export interface WorkerOptions {
  /** Jobs claimed by one statement. */
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
    this.#batch = options.batch ?? 32;
    this.#concurrency = options.concurrency ?? 8;
    this.#wakeDelayMs = options.wakeDelayMs ?? 2;
  }

  /** Claims and runs due jobs until none is left; returns how many ran. */
  drain(batch = this.#batch): Promise<number> {
    return this.#drain(batch, true);
  }

  async #drain(batch: number, untilEmpty: boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claimJobs(this.db, toDate(this.clock.now()), batch);
      if (jobs.length > 0) await this.#runBatch(jobs);
      total += jobs.length;
      // A short claim means nothing else was due; a commit since then wakes the loop again.
      if (jobs.length === 0 || (!untilEmpty && jobs.length < batch)) return total;
    }
  }

  /** Runs a claimed batch, at most `concurrency` at a time; external jobs that succeeded finish together. */
  async #runBatch(jobs: readonly JobRow[]): Promise<void> {
    const finished: string[] = [];
    let next = 0;
    const lane = async () => {
      for (let job = jobs[next++]; job; job = jobs[next++]) {
        if (await this.#run(job)) finished.push(job.id);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.#concurrency, jobs.length) }, lane));
    await finishJobs(this.db, finished, toDate(this.clock.now()));
  }

  /** True when the job succeeded and still has to be marked done (external handlers). */
  async #run(job: JobRow): Promise<boolean> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      if (handler.external) {
        await handler(this.db, job.payload, job);
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
