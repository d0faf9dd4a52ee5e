import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import {
  type BundleItemRow,
  bundleItemsOf,
  listProducts,
  type PlanDetailRow,
  type PolicyRow,
  type ProductDetailRow,
  type ProductFilter,
  type ProductListRow,
  planDetail,
  plansOfProduct,
  policiesOf,
  pricesOf,
  productDetail,
} from './catalog-store';
import type { PriceRow } from './price-list';

// Reads: the catalog is the same for everyone signed in, so the principal only has to exist.

export interface ProductView {
  product: ProductDetailRow;
  plans: PlanDetailRow[];
  prices: PriceRow[];
  bundleItems: BundleItemRow[];
  policies: PolicyRow[];
}

export const viewProducts = (deps: Deps, _p: Principal, f: ProductFilter): Promise<ProductListRow[]> =>
  listProducts(deps.database.db, f);

export async function viewProduct(deps: Deps, _p: Principal, id: string): Promise<ProductView> {
  const { db } = deps.database;
  const product = await productDetail(db, id);
  if (!product) throw notFound({ zh: '产品', en: 'Product' });
  const plans = await plansOfProduct(db, id);
  const ids = plans.map((pl) => pl.id);
  return {
    product,
    plans,
    prices: await pricesOf(db, ids),
    bundleItems: await bundleItemsOf(db, ids),
    policies: await policiesOf(db, id),
  };
}

export interface PlanView {
  plan: PlanDetailRow;
  prices: PriceRow[];
  bundleItems: BundleItemRow[];
}

export async function viewPlan(deps: Deps, _p: Principal, id: string): Promise<PlanView> {
  const { db } = deps.database;
  const plan = await planDetail(db, id);
  if (!plan) throw notFound({ zh: '套餐', en: 'Plan' });
  return { plan, prices: await pricesOf(db, [id]), bundleItems: await bundleItemsOf(db, [id]) };
}
