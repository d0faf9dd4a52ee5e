import type { Deps } from '../../platform/deps';

/**
 * One step of the daily renewal job for a business day (R38, R46). Steps run in order and must be
 * idempotent for a day: re-running it creates nothing twice. `deps.database.db` is the pool, not a
 * transaction, so a step opens its own with `transact` — per company where one company's refusal (the
 * renewals module's auto-renew on a short balance) must roll back only that company's work. The returned
 * counts (what it made) are logged per day in `billing_runs` and printed by `kaidan billing run`.
 */
export interface DailyStep {
  name: string;
  run(deps: Deps, day: string): Promise<Record<string, number>>;
}
