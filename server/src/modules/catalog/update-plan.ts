import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import {
  checkPlan,
  clean,
  PLAN,
  type PlanFields,
  refuseIfAny,
  versionConflict,
  WRITE_ROLES,
} from './catalog';
import { planDetail, pricesOf, updatePlan as updatePlanRow } from './catalog-store';
import type { PlanCreateInput } from './create-plan';
import { tierGaps } from './price-list';

/** Everything a plan's creator chose except its product, code, kind and pricing method. */
export type PlanUpdateInput = { id: string; version: number; nameZh?: string | undefined } & Omit<
  PlanCreateInput,
  'productId' | 'code' | 'nameZh' | 'kind' | 'pricingMethod'
>;

/** Code, kind and pricing method stay fixed: placed orders were priced by them. */
export async function updatePlan(deps: Deps, p: Principal, input: PlanUpdateInput): Promise<void> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  await transact(deps.database.db, async (tx) => {
    const row = await planDetail(tx, input.id);
    if (!row) throw notFound({ zh: '套餐', en: 'Plan' });
    const { id: _id, product_id: _pid, created_at: _at, version: _v, ...before } = row;
    const after: PlanFields = {
      ...before,
      ...(input.nameZh !== undefined ? { name_zh: clean(input.nameZh) ?? '' } : {}),
      ...(input.nameEn !== undefined ? { name_en: clean(input.nameEn) } : {}),
      ...(input.durationRule !== undefined ? { duration_rule: input.durationRule } : {}),
      ...(input.seatMin !== undefined ? { seat_min: input.seatMin } : {}),
      ...(input.seatMax !== undefined ? { seat_max: input.seatMax } : {}),
      ...(input.passThrough !== undefined ? { pass_through: input.passThrough } : {}),
      ...(input.refundable !== undefined ? { refundable: input.refundable } : {}),
      ...(input.validFrom !== undefined ? { valid_from: clean(input.validFrom) } : {}),
      ...(input.validTo !== undefined ? { valid_to: clean(input.validTo) } : {}),
    };
    // Lowering the minimum must not leave the smallest orders without a price tier.
    refuseIfAny([...checkPlan(after), ...tierGaps(after, await pricesOf(tx, [input.id]))]);
    if (!(await updatePlanRow(tx, input.id, input.version, after))) throw versionConflict(PLAN, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'plan',
      objectId: input.id,
      action: 'update',
      before,
      after,
    });
  });
}
