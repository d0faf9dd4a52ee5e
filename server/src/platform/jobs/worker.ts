import type { Logger } from 'pino';
import type { Clock } from '../clock';
import { toDate } from '../clock';
import type { Db, Tx } from '../db/database';
import { claimJobs, failJob, finishJob, type JobRow } from './jobs-store';

// Handlers must be idempotent: a job may run again after a crash between its effect and `done`.
export type JobHandler = (tx: Tx, payload: Record<string, unknown>, job: JobRow) => Promise<void>;

const MAX_ATTEMPTS = 8;

export class Worker {
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly handlers: ReadonlyMap<string, JobHandler>,
    private readonly log?: Logger,
  ) {}

  /** Claims and runs due jobs until none is left; returns how many ran. */
  async drain(batch = 20): Promise<number> {
    let total = 0;
    for (;;) {
      const jobs = await claimJobs(this.db, toDate(this.clock.now()), batch);
      if (jobs.length === 0) return total;
      for (const job of jobs) await this.#run(job);
      total += jobs.length;
    }
  }

  async #run(job: JobRow): Promise<void> {
    const handler = this.handlers.get(job.kind);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
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
  }

  start(intervalMs = 1000): void {
    const tick = () => {
      this.#running = this.drain().catch((e: unknown) => {
        this.log?.error({ err: String(e) }, 'worker tick failed');
        return 0;
      });
      void this.#running.then(() => {
        if (this.#timer !== undefined) this.#timer = setTimeout(tick, intervalMs);
      });
    };
    this.#timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }
}
