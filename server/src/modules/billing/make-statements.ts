import { BILLING_CYCLES } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { transact } from '../../platform/db/transact';
import { closedPeriodOn } from './billing';
import type { DailyStep } from './daily-step';
import { companiesToState, figuresOf, insertStatement } from './statement-store';

/**
 * Step `statements` (R46): on the first day after a period of a company's cycle ends, the statement of
 * that period, its figures frozen now. Keyed by (company, period): re-running the day makes none twice.
 * Only companies with a configuration have a cycle, so only they get statements.
 */
export const makeStatements: DailyStep = {
  name: 'statements',
  run: (deps, day) =>
    transact(deps.database.db, async (tx) => {
      const clock = deps.clock;
      const date = Temporal.PlainDate.from(day);
      let statements = 0;
      for (const cycle of BILLING_CYCLES) {
        const period = closedPeriodOn(cycle, date);
        if (!period) continue;
        for (const companyId of await companiesToState(tx, cycle, period)) {
          const figures = await figuresOf(tx, companyId, period);
          if (await insertStatement(tx, clock, { companyId, cycle, period, figures })) statements += 1;
        }
      }
      return { statements };
    }),
};
