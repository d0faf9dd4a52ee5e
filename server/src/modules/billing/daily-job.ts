import { IsoDate } from '@kaidan/shared/contracts/common';
import { Temporal } from 'temporal-polyfill';
import { BUSINESS_ZONE, type Clock, today } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { enqueueJob, ensureJobScheduled } from '../../platform/jobs/jobs-store';
import { externalJob, type JobHandler } from '../../platform/jobs/worker';
import type { DailyStep } from './daily-step';
import { expiryReminders } from './expiry-reminders';
import { makeStatements } from './make-statements';
import { claimSchedule, recordRun } from './run-store';

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

/** Runs every step for `day`, in order, logging what each made (R38, R46; idempotent per day). */
export async function runBillingDay(
  deps: Deps,
  day: string,
  steps: readonly DailyStep[],
): Promise<DayResult> {
  const out: DayResult = { day, steps: [] };
  for (const step of steps) {
    const created = await step.run(deps, day);
    await recordRun(deps.database.db, deps.clock, day, step.name, created);
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
 * Job `billing.daily`: the day's steps, then the next day's job. The chain's jobs name their day
 * (`{ day, chain: true }`), so a worker that was down catches up every missed day in order; the first job
 * (`{}`) runs for today; a job with a day and no `chain` is a one-off re-run and schedules nothing.
 * External (no transaction around it): each step opens its own, so one company's refusal rolls back only
 * its own work. A crash part-way re-runs the day after the lease; the steps' keys make that harmless, and
 * the next day's link is claimed once, so the chain never forks.
 */
export const billingDailyJob = (clock: Clock, steps: readonly DailyStep[] = BILLING_STEPS): JobHandler =>
  externalJob(async (ex, payload) => {
    const deps: Deps = { database: { db: ex }, clock };
    const day = dayOf(payload, clock);
    await runBillingDay(deps, day, steps);
    if (payload.day !== undefined && payload.chain !== true) return;
    const next = Temporal.PlainDate.from(day).add({ days: 1 }).toString();
    await transact(ex, async (tx) => {
      if (await claimSchedule(tx, clock, next))
        await enqueueJob(tx, clock, BILLING_DAILY_JOB, { day: next, chain: true }, nextRunAt(day));
    });
  });

/** Called when a worker starts: the first run now (for today), unless the chain is already going. */
export const scheduleBillingDaily = (ex: Exec, clock: Clock): Promise<void> =>
  ensureJobScheduled(ex, clock, BILLING_DAILY_JOB);
