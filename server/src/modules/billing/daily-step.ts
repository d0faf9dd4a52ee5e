import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';

/**
 * One step of the daily renewal job for a business day (R38, R46). Steps run in order in the job's one
 * transaction and must be idempotent for a day: re-running it creates nothing twice. The returned counts
 * (what it made) are logged per day in `billing_runs` and printed by `kaidan billing run`.
 */
export interface DailyStep {
  name: string;
  run(tx: Tx, ctx: { clock: Clock; day: string }): Promise<Record<string, number>>;
}
