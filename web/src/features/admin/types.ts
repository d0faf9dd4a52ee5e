// Wire shapes of the admin screens, taken from the shared zod contracts as types only (no zod in the bundle).
import type * as C from '@kaidan/shared/contracts/catalog';
import type * as P from '@kaidan/shared/contracts/parties';
import {
  SALES_CHANNELS,
  ORDER_TYPES as VOCABULARY_ORDER_TYPES,
  ROLES as VOCABULARY_ROLES,
} from '@kaidan/shared/vocabulary';
import type { z } from 'zod';

export type Product = z.infer<typeof C.Product>;
export type ProductDetail = z.infer<typeof C.ProductDetail>;
export type ProductCreate = z.input<typeof C.ProductCreate>;
export type ProductKind = z.infer<typeof C.ProductKind>;
export type PlanDetail = z.infer<typeof C.PlanDetail>;
export type PlanCreate = z.input<typeof C.PlanCreate>;
export type PlanKind = z.infer<typeof C.PlanKind>;
export type Price = z.infer<typeof C.Price>;
export type BundleItem = z.infer<typeof C.BundleItem>;
export type ReviewPolicy = z.infer<typeof C.ReviewPolicy>;
export type SalesChannel = z.infer<typeof C.SalesChannel>;
export type OrderType = z.infer<typeof C.OrderType>;

export type Partner = z.infer<typeof P.Partner>;
export type Company = z.infer<typeof P.Company>;
export type CompanyCreate = z.input<typeof P.CompanyCreate>;
export type Contact = z.infer<typeof P.Contact>;
export type ContactCreate = z.input<typeof P.ContactCreate>;
export type User = z.infer<typeof P.User>;
export type ListedUser = z.infer<typeof P.ListedUser>;
export type UserCreate = z.input<typeof P.UserCreate>;
export type Role = z.infer<typeof P.RoleName>;
export type ApiKey = z.infer<typeof P.ApiKey>;
export type NewApiKey = z.infer<typeof P.NewApiKey>;

export const PRODUCT_KINDS: ProductKind[] = ['seat_app', 'device_plan', 'quota_feature', 'service'];
export const PLAN_KINDS: PlanKind[] = ['edition', 'addon', 'pass_through', 'bundle', 'service'];
export const PRICING_METHODS = ['seat_year', 'seat_day', 'device_month', 'unit', 'flat'] as const;
export const CHANNELS: readonly SalesChannel[] = SALES_CHANNELS;
export const ORDER_TYPES: readonly OrderType[] = VOCABULARY_ORDER_TYPES;
export const CURRENCIES = ['CNY', 'USD'] as const;
export const ROLES: readonly Role[] = VOCABULARY_ROLES;
