// The catalog owns products, plans (editions with seat tiers, add-ons, pass-through fees, bundles),
// prices per currency and tier, validity windows and the review policy per product × order type ×
// channel. Orders read it through the functions below; admins change it through its routes.

export {
  checkChannel,
  loadPlans,
  loadProduct,
  loadProductForOrder,
  planOnSale,
  reviewMode,
  unitPrice,
  unitPrices,
} from './order-catalog';
export type { OrderType, PlanRow, ProductRow, SalesChannel } from './order-catalog-store';
