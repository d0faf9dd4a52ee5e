import { IsoDate } from '@kaidan/shared/contracts/common';
import { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE, type Clock, today } from '../../platform/clock';
import type { Exec, Tx } from '../../platform/db/database';
import { enqueueJob, ensureJobScheduled } from '../../platform/jobs/jobs-store';
import type { JobHandler } from '../../platform/jobs/worker';
import type { DailyStep } from './daily-step';
import { expiryReminders } from './expiry-reminders';
import { makeStatements } from './make-statements';
import { recordRun } from './run-store';

export const BILLING_DAILY_JOB = 'billing.daily';
/** A day's job starts a few minutes after midnight, Asia/Shanghai, once the day's date is the new one. */
const START = Temporal.PlainTime.from('00:05');

/**
 * The billing module's own steps. The wiring root adds others around them (the renewals module's
 * auto-renew goes first, so a renewed device is no longer reminded): `billingDailyJob(clock, [autoRenew,
 * ...BILLING_STEPS])`.
 */
export const BILLING_STEPS: readonly DailyStep[] = [expiryReminders, makeStatements];

export interface DayResult {
  day: string;
  steps: { step: string; created: Record<string, number> }[];
}

/** Runs every step for `day` in `tx`, in order, logging what each made (R38, R46; idempotent per day). */
export async function runBillingDay(
  tx: Tx,
  clock: Clock,
  day: string,
  steps: readonly DailyStep[],
): Promise<DayResult> {
  const out: DayResult = { day, steps: [] };
  for (const step of steps) {
    const created = await step.run(tx, { clock, day });
    await recordRun(tx, clock, day, step.name, created);
    out.steps.push({ step: step.name, created });
  }
  return out;
}

const dayOf = (payload: Record<string, unknown>, clock: Clock): string => {
  const parsed = IsoDate.safeParse(payload.day);
  return parsed.success ? parsed.data : today(clock).toString();
};

/** When the job for the day after `day` is due: 00:05 of it, business time. */
export const nextRunAt = (day: string): Temporal.Instant =>
  Temporal.PlainDate.from(day)
    .add({ days: 1 })
    .toZonedDateTime({ timeZone: BUSINESS_ZONE, plainTime: START })
    .toInstant();

/**
 * Job `billing.daily`: the day's steps, then the next day's job in the same transaction, so the chain
 * never breaks or doubles. The chain's jobs name their day (`{ day, chain: true }`), so a worker that was
 * down catches up every missed day in order; the first job (`{}`) runs for today. A job with a day and
 * no `chain` is a one-off re-run and schedules nothing.
 */
export const billingDailyJob =
  (clock: Clock, steps: readonly DailyStep[] = BILLING_STEPS): JobHandler =>
  async (tx, payload) => {
    const day = dayOf(payload, clock);
    await runBillingDay(tx, clock, day, steps);
    if (payload.day === undefined || payload.chain === true) {
      const next = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
      await enqueueJob(tx, clock, BILLING_DAILY_JOB, { day: next, chain: true }, nextRunAt(day));
    }
  };

/** Called when a worker starts: the first run now (for today), unless the chain is already going. */
export const scheduleBillingDaily = (ex: Exec, clock: Clock): Promise<void> =>
  ensureJobScheduled(ex, clock, BILLING_DAILY_JOB);
