import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { PLAN, refuseIfAny, versionConflict, WRITE_ROLES } from './catalog';
import { bumpPlan, planDetail, pricesOf, replacePrices } from './catalog-store';
import { type PriceInput, parsePrices } from './price-list';

export interface PlanPricesInput {
  planId: string;
  /** The plan's version: the price list is part of the plan, so it moves the plan's version. */
  version: number;
  prices: PriceInput[];
}

/** Replaces the whole price list of a plan (every currency and tier); an empty list unprices it. */
export async function setPlanPrices(deps: Deps, p: Principal, input: PlanPricesInput): Promise<void> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  await transact(deps.database.db, async (tx) => {
    const plan = await planDetail(tx, input.planId);
    if (!plan) throw notFound({ zh: '套餐', en: 'Plan' });
    const { rows, errors } = parsePrices(plan, input.prices);
    refuseIfAny(errors, [
      { zh: '金额用十进制字符串，如 "365.00"', en: 'Send amounts as decimal strings such as "365.00"' },
    ]);
    if (!(await bumpPlan(tx, plan.id, input.version))) throw versionConflict(PLAN, plan.version);
    const before = await pricesOf(tx, [plan.id]);
    await replacePrices(tx, plan.id, rows);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'plan',
      objectId: plan.id,
      action: 'set_prices',
      before,
      after: rows,
    });
  });
}
