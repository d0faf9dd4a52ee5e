import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import type { PriceRow } from './catalog';
import {
  type BundleItemRow,
  bundleItemsOf,
  listProducts,
  type PlanDetailRow,
  type PolicyRow,
  type ProductDetailRow,
  type ProductFilter,
  plansOfProduct,
  policiesOf,
  pricesOf,
  productDetail,
} from './catalog-store';

// Reads: the catalog is the same for everyone signed in, so the principal only has to exist.

export interface ProductView {
  product: ProductDetailRow;
  plans: PlanDetailRow[];
  prices: PriceRow[];
  bundleItems: BundleItemRow[];
  policies: PolicyRow[];
}

export const viewProducts = (deps: Deps, _p: Principal, f: ProductFilter): Promise<ProductDetailRow[]> =>
  listProducts(deps.database.db, f);

export async function viewProduct(deps: Deps, _p: Principal, id: string): Promise<ProductView> {
  const { db } = deps.database;
  const product = await productDetail(db, id);
  if (!product) throw notFound({ zh: '产品', en: 'Product' });
  const plans = await plansOfProduct(db, id);
  const ids = plans.map((pl) => pl.id);
  const [prices, bundleItems, policies] = await Promise.all([
    pricesOf(db, ids),
    bundleItemsOf(db, ids),
    policiesOf(db, id),
  ]);
  return { product, plans, prices, bundleItems, policies };
}

export async function viewPlan(deps: Deps, p: Principal, id: string): Promise<{ view: ProductView; plan: PlanDetailRow }> {
  const { db } = deps.database;
  const { planDetail } = await import('./catalog-store');
  const row = await planDetail(db, id);
  if (!row) throw notFound({ zh: '套餐', en: 'Plan' });
  const view = await viewProduct(deps, p, row.product_id);
  return { view, plan: row };
}
