import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import {
  checkPolicies,
  type PolicyInput,
  PRODUCT,
  refuseIfAny,
  versionConflict,
  WRITE_ROLES,
} from './catalog';
import { bumpProduct, policiesOf, productDetail, replacePolicies } from './catalog-store';

export interface ReviewPoliciesInput {
  productId: string;
  /** The product's version: its review policy is part of the product. */
  version: number;
  policies: PolicyInput[];
}

/** R3: replaces the product's whole policy set; any combination left out is reviewed manually. */
export async function setReviewPolicies(deps: Deps, p: Principal, input: ReviewPoliciesInput): Promise<void> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  await transact(deps.database.db, async (tx) => {
    const product = await productDetail(tx, input.productId);
    if (!product) throw notFound({ zh: '产品', en: 'Product' });
    refuseIfAny(checkPolicies(input.policies));
    if (!(await bumpProduct(tx, product.id, input.version))) throw versionConflict(PRODUCT, product.version);
    const before = await policiesOf(tx, product.id);
    await replacePolicies(tx, product.id, input.policies);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'product',
      objectId: product.id,
      action: 'set_review_policies',
      before: before.map((r) => ({ orderType: r.order_type, channel: r.channel, mode: r.mode })),
      after: input.policies,
    });
  });
}
