import { z } from 'zod';
import { ORDER_TYPES, SALES_CHANNELS } from '../vocabulary';
import { LIST_SORTS, ListQuery, sortOf } from './common';

// The catalog on the wire. Amounts are decimal strings and dates 'YYYY-MM-DD'; their formats and the
// catalog's rules are checked by the server so every refusal carries zh/en field messages.
const text = (max: number) => z.string().max(max);
const optText = (max: number) => z.string().max(max).nullable().optional();
const optDate = z.string().max(10).nullable().optional().describe('YYYY-MM-DD, inclusive; null = open');

export const ProductKind = z.enum(['seat_app', 'device_plan', 'quota_feature', 'service']);
export const PlanKind = z.enum(['edition', 'addon', 'pass_through', 'bundle', 'service']);
export const PricingMethod = z.enum(['seat_year', 'seat_day', 'device_month', 'unit', 'flat']);
export const DurationRule = z.enum(['days', 'calendar']);
export const SalesChannel = z.enum(SALES_CHANNELS);
export const OrderType = z.enum(ORDER_TYPES);
export const ReviewMode = z.enum(['auto', 'manual']);
export const ProductState = z.enum(['active', 'retired']);
const Currency = z.enum(['CNY', 'USD']);

export const Product = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  kind: ProductKind,
  category: z.string().nullable(),
  subcategory: z.string().nullable(),
  channels: z.array(SalesChannel),
  state: ProductState,
  createdAt: z.string(),
  version: z.number().int(),
});
/** `q` searches code and names; `from`/`to` are business dates of creation. */
export const ProductQuery = ListQuery.extend({
  kind: ProductKind.optional(),
  state: ProductState.optional(),
  category: z.string().max(64).optional(),
  sort: sortOf(LIST_SORTS.products, 'code'),
});
export const ProductCreate = z.object({
  code: text(64).describe('lowercase letters, digits and dashes, e.g. wecom-steward'),
  nameZh: text(200),
  nameEn: optText(200),
  kind: ProductKind,
  category: optText(64).describe('大类'),
  subcategory: optText(64).describe('小类'),
  channels: z.array(SalesChannel).optional().describe('default: every channel (R24)'),
});
export const ProductUpdate = z.object({
  version: z.number().int(),
  nameZh: text(200).optional(),
  nameEn: optText(200),
  category: optText(64),
  subcategory: optText(64),
  channels: z.array(SalesChannel).optional(),
  state: ProductState.optional(),
});

export const Price = z.object({
  currency: Currency,
  minSeats: z.number().int().describe('tier start: the row with the greatest minSeats ≤ seats applies'),
  amount: z.string().describe('unit amount as a decimal string, e.g. "365.00"'),
});
export const Plan = z.object({
  id: z.string(),
  productId: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  kind: PlanKind,
  pricingMethod: PricingMethod,
  durationRule: DurationRule,
  seatMin: z.number().int(),
  seatMax: z.number().int().nullable(),
  passThrough: z.boolean(),
  refundable: z.boolean(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const BundleItem = z.object({ planId: z.string(), seatsPerBundle: z.number().int() });
export const PlanDetail = Plan.extend({ prices: z.array(Price), bundleItems: z.array(BundleItem) });
export const PlanCreate = z.object({
  code: text(64),
  nameZh: text(200),
  nameEn: optText(200),
  kind: PlanKind,
  pricingMethod: PricingMethod,
  durationRule: DurationRule.optional().describe("R14; default 'days'"),
  seatMin: z.number().int().optional(),
  seatMax: z.number().int().nullable().optional(),
  passThrough: z.boolean().optional().describe("default: kind is 'pass_through'"),
  refundable: z.boolean().optional().describe('default: not pass-through; pass-through is never refundable'),
  validFrom: optDate,
  validTo: optDate,
});
export const PlanUpdate = z.object({
  version: z.number().int(),
  nameZh: text(200).optional(),
  nameEn: optText(200),
  durationRule: DurationRule.optional(),
  seatMin: z.number().int().optional(),
  seatMax: z.number().int().nullable().optional(),
  passThrough: z.boolean().optional(),
  refundable: z.boolean().optional(),
  validFrom: optDate,
  validTo: optDate,
});
export const PricesPut = z.object({
  version: z.number().int().describe("the plan's version"),
  prices: z.array(Price).max(100),
});
export const BundleItemsPut = z.object({ version: z.number().int(), items: z.array(BundleItem).max(100) });

export const ReviewPolicy = z.object({ orderType: OrderType, channel: SalesChannel, mode: ReviewMode });
export const ReviewPoliciesPut = z.object({
  version: z.number().int().describe("the product's version"),
  policies: z
    .array(ReviewPolicy)
    .max(9)
    .describe('the whole set; a missing combination means manual review (R3)'),
});
export const ProductDetail = Product.extend({
  plans: z.array(PlanDetail),
  reviewPolicies: z.array(ReviewPolicy),
});
