import { formatAmount } from '@kaidan/shared';
import type { BundleItemRow, PlanDetailRow, PolicyRow, ProductDetailRow } from './catalog-store';
import type { PriceRow } from './price-list';
import type { PlanView, ProductView } from './view-catalog';

// Rows → wire shapes: camelCase, ISO instants, amounts as decimal strings of their currency.

export const presentProduct = (p: ProductDetailRow) => ({
  id: p.id,
  code: p.code,
  nameZh: p.name_zh,
  nameEn: p.name_en,
  kind: p.kind,
  category: p.category,
  subcategory: p.subcategory,
  channels: p.channels,
  state: p.state,
  createdAt: p.created_at.toISOString(),
  version: p.version,
});

export const PRODUCT_CSV_HEADER = [
  '编码 code',
  '名称 name',
  '英文名 name (en)',
  '类型 kind',
  '大类 category',
  '小类 subcategory',
  '渠道 channels',
  '状态 state',
  '创建 created',
];
export const productCsvRow = (p: ProductDetailRow) => [
  p.code,
  p.name_zh,
  p.name_en,
  p.kind,
  p.category,
  p.subcategory,
  p.channels.join(' '),
  p.state,
  p.created_at.toISOString(),
];

const presentPrice = (r: PriceRow) => ({
  currency: r.currency,
  minSeats: r.min_seats,
  amount: formatAmount(r.unit_amount, r.currency),
});
const presentItem = (b: BundleItemRow) => ({ planId: b.item_plan_id, seatsPerBundle: b.seats_per_bundle });
const presentPolicy = (r: PolicyRow) => ({ orderType: r.order_type, channel: r.channel, mode: r.mode });

const presentPlanWith = (pl: PlanDetailRow, prices: PriceRow[], items: BundleItemRow[]) => ({
  id: pl.id,
  productId: pl.product_id,
  code: pl.code,
  nameZh: pl.name_zh,
  nameEn: pl.name_en,
  kind: pl.kind,
  pricingMethod: pl.pricing_method,
  durationRule: pl.duration_rule,
  seatMin: pl.seat_min,
  seatMax: pl.seat_max,
  passThrough: pl.pass_through,
  refundable: pl.refundable,
  validFrom: pl.valid_from,
  validTo: pl.valid_to,
  createdAt: pl.created_at.toISOString(),
  version: pl.version,
  prices: prices.filter((r) => r.plan_id === pl.id).map(presentPrice),
  bundleItems: items.filter((b) => b.bundle_plan_id === pl.id).map(presentItem),
});

export const presentPlan = (v: PlanView) => presentPlanWith(v.plan, v.prices, v.bundleItems);

export const presentProductDetail = (v: ProductView) => ({
  ...presentProduct(v.product),
  plans: v.plans.map((pl) => presentPlanWith(pl, v.prices, v.bundleItems)),
  reviewPolicies: v.policies.map(presentPolicy),
});
