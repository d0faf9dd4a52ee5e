import { Temporal } from 'temporal-polyfill';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { purgeIdempotencyKeys } from '../../platform/idempotency/purge-store';
import { enqueueJob, ensureJobScheduled } from '../../platform/jobs/jobs-store';
import type { JobHandler } from '../../platform/jobs/worker';
import { purgeSignInCounters } from '../parties/throttle-store';

// S-15: rows that only protect for a while are deleted after it, by a job that schedules its next run
// in the same transaction (so the chain never breaks or doubles) and follows the server's clock.
export const PURGE_JOB = 'purge_expired_rows';
export const PURGE_EVERY = Temporal.Duration.from({ hours: 1 });
/** A retry with the same Idempotency-Key is answered for this long. */
export const IDEMPOTENCY_KEEP = Temporal.Duration.from({ hours: 24 });
/** A throttle counter is kept this long after its window, so its strikes still lengthen the next one. */
export const THROTTLE_KEEP = Temporal.Duration.from({ hours: 24 });

export async function purgeExpiredRows(
  ex: Exec,
  clock: Clock,
): Promise<{ idempotencyKeys: number; signInCounters: number }> {
  const now = clock.now();
  return {
    idempotencyKeys: await purgeIdempotencyKeys(ex, toDate(now.subtract(IDEMPOTENCY_KEEP))),
    signInCounters: await purgeSignInCounters(ex, toDate(now.subtract(THROTTLE_KEEP))),
  };
}

export const purgeJob =
  (clock: Clock): JobHandler =>
  async (tx) => {
    await purgeExpiredRows(tx, clock);
    await enqueueJob(tx, clock, PURGE_JOB, {}, clock.now().add(PURGE_EVERY));
  };

/** Called when a worker starts: the first run, unless the chain is already going. */
export const schedulePurge = (ex: Exec, clock: Clock): Promise<void> =>
  ensureJobScheduled(ex, clock, PURGE_JOB);
