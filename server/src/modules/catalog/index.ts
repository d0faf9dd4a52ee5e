// The catalog owns products, plans (editions with seat tiers, add-ons, pass-through fees, bundles),
// prices per currency and tier, validity windows and the review policy per product × order type ×
// channel. Orders read it through the functions below; admins change it through its routes.

// Admin use cases (admin role; the seed calls them with systemPrincipal('cli')).
export { createPlan, type PlanCreateInput } from './create-plan';
export { createProduct, type ProductCreateInput } from './create-product';
export {
  checkChannel,
  loadCatalogForOrder,
  loadPlans,
  loadProduct,
  loadProductForOrder,
  planOnSale,
  reviewMode,
  unitPrice,
  unitPrices,
} from './order-catalog';
export type { OrderType, PlanRow, ProductRow, SalesChannel } from './order-catalog-store';
export { type BundleItemsInput, setBundleItems } from './set-bundle-items';
export { type PlanPricesInput, setPlanPrices } from './set-plan-prices';
export { type ReviewPoliciesInput, setReviewPolicies } from './set-review-policies';
export { type PlanUpdateInput, updatePlan } from './update-plan';
export { type ProductUpdateInput, updateProduct } from './update-product';
export { viewPlan, viewProduct, viewProducts } from './view-catalog';
