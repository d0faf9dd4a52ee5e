import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import {
  type BundleItemInput,
  checkBundleItems,
  PLAN,
  refuseIfAny,
  versionConflict,
  WRITE_ROLES,
} from './catalog';
import { bumpPlan, bundleItemsOf, planDetail, replaceBundleItems } from './catalog-store';
import { plansByIds } from './order-catalog-store';

export interface BundleItemsInput {
  planId: string;
  version: number;
  items: BundleItemInput[];
}

/** Replaces what one bundle plan contains. */
export async function setBundleItems(deps: Deps, p: Principal, input: BundleItemsInput): Promise<void> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  await transact(deps.database.db, async (tx) => {
    const bundle = await planDetail(tx, input.planId);
    if (!bundle) throw notFound({ zh: '套餐', en: 'Plan' });
    if (bundle.kind !== 'bundle')
      throw new AppError({
        status: 422,
        code: 'NOT_A_BUNDLE',
        message: {
          zh: `「${bundle.name_zh}」不是组合套餐`,
          en: `"${bundle.name_en ?? bundle.name_zh}" is not a bundle`,
        },
        fixes: [{ zh: "创建类型为 'bundle' 的套餐", en: "Create a plan of kind 'bundle'" }],
      });
    const found = await plansByIds(
      tx,
      input.items.map((i) => i.planId),
    );
    refuseIfAny(checkBundleItems(bundle, input.items, new Map(found.map((f) => [f.id, f]))));
    if (!(await bumpPlan(tx, bundle.id, input.version))) throw versionConflict(PLAN, bundle.version);
    const before = await bundleItemsOf(tx, [bundle.id]);
    await replaceBundleItems(tx, bundle.id, input.items);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'plan',
      objectId: bundle.id,
      action: 'set_bundle_items',
      before: before.map((b) => ({ planId: b.item_plan_id, seatsPerBundle: b.seats_per_bundle })),
      after: input.items,
    });
  });
}
