import { z } from 'zod';
import { DEVICE_DEPTHS, DEVICE_STATES, PACKAGE_KINDS, PACKAGE_LEVELS, PRICING_METHODS } from '../vocabulary';
import { Amount, CurrencyCode, Id, IsoDate, LIST_SORTS, ListQuery, sortOf } from './common';

// Devices and their packages on the wire (issue #13, R18, R19, seed 003). Formats are checked by the
// server's rules so every refusal carries zh/en field messages; the schemas describe shapes and limits.
const text = (max: number) => z.string().max(max);
const optText = (max: number) => z.string().max(max).nullable().optional();

export const PackageKind = z.enum(PACKAGE_KINDS);
export const PackageLevel = z.enum(PACKAGE_LEVELS);
export const PricingMethod = z.enum(PRICING_METHODS);
export const DeviceState = z.enum(DEVICE_STATES);
export const DeviceDepth = z.enum(DEVICE_DEPTHS);

/** 套餐大类 / 套餐小类 */
export const PackageClass = z.object({
  id: z.string(),
  level: PackageLevel,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  type: PackageKind,
  parentId: z.string().nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});
export const PackageClassQuery = z.object({
  level: PackageLevel.optional(),
  type: PackageKind.optional(),
  parentId: Id.optional(),
  q: z.string().trim().max(100).optional(),
});
export const PackageClassCreate = z.object({
  level: PackageLevel,
  code: text(32).describe('letters, digits, dash or underscore, e.g. GPS-BASIC'),
  nameZh: text(100),
  nameEn: optText(100),
  type: PackageKind,
  parentId: Id.nullable().optional().describe('a subcategory names its category'),
});
export const PackageClassUpdate = z.object({
  version: z.number().int(),
  nameZh: text(100).optional(),
  nameEn: optText(100),
});

/** 套餐 */
export const DevicePackage = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  kind: PackageKind,
  categoryId: z.string(),
  categoryName: z.string(),
  subcategoryId: z.string(),
  subcategoryName: z.string(),
  amount: Amount,
  pricingMethod: PricingMethod,
  currency: CurrencyCode,
  boundDevices: z.number().int().describe('devices holding it, as renewal or value-added package'),
  createdAt: z.string(),
  version: z.number().int(),
});
export const DevicePackageQuery = ListQuery.extend({
  kind: PackageKind.optional(),
  categoryId: Id.optional(),
  subcategoryId: Id.optional(),
  currency: CurrencyCode.optional(),
  pricingMethod: PricingMethod.optional(),
  sort: sortOf(LIST_SORTS.devicePackages, 'code'),
});
export const DevicePackageCreate = z.object({
  code: text(32),
  nameZh: text(100),
  nameEn: optText(100),
  kind: PackageKind.optional().describe('derived from the category; a different value is refused'),
  categoryId: Id,
  subcategoryId: Id,
  amount: Amount.describe('per device-month, in the currency'),
  pricingMethod: PricingMethod.default('per_device_month'),
  currency: CurrencyCode,
});
export const DevicePackageUpdate = z.object({
  version: z.number().int(),
  nameZh: text(100).optional(),
  nameEn: optText(100),
  categoryId: Id.optional(),
  subcategoryId: Id.optional(),
  amount: Amount.optional(),
  currency: CurrencyCode.optional(),
});

export const PackageRef = z.object({ id: z.string(), code: z.string(), nameZh: z.string() });
export const Device = z.object({
  id: z.string(),
  deviceNo: z.string().describe("the customer's own device id, unique within the company"),
  companyId: z.string(),
  companyName: z.string(),
  type: z.string(),
  state: DeviceState,
  renewalPackage: PackageRef.nullable(),
  valueAdded: z.array(PackageRef),
  expiresOn: IsoDate.nullable(),
  createdAt: z.string(),
  version: z.number().int(),
});

/** Where a device list or a set-based action looks: a company in scope, alone or with its subsidiaries. */
export const DeviceWhere = z.object({
  companyId: Id.optional().describe('a company in scope; default: your own company or your whole scope'),
  depth: DeviceDepth.default('all'),
});
export const DeviceQuery = ListQuery.extend({
  ...DeviceWhere.shape,
  state: DeviceState.optional(),
  bound: z.enum(['true', 'false']).optional().describe('with or without a renewal package'),
  type: z.string().max(64).optional(),
  packageId: Id.optional().describe('bound to this renewal or value-added package'),
  expiresFrom: IsoDate.optional(),
  expiresTo: IsoDate.optional(),
  sort: sortOf(LIST_SORTS.devices, 'deviceNo'),
});
export const DeviceCreate = z.object({
  companyId: Id.optional().describe("a customer's system may leave it out: its own company"),
  deviceNo: text(64),
  type: text(64),
  expiresOn: IsoDate.nullable().optional(),
  renewalPackageId: Id.nullable().optional(),
});
export const DeviceUpdate = z.object({ version: z.number().int(), type: text(64).optional() });
export const DeviceStateChange = z.object({ version: z.number().int(), state: DeviceState });

export const DeviceIds = z.array(Id).min(1).max(10_000);
/** R18: bind a renewal package to chosen devices, or to every device of a type under a company. */
export const BindRenewal = z.object({
  packageId: Id.nullable().describe('null removes the binding'),
  deviceIds: DeviceIds.optional(),
  byType: DeviceWhere.extend({ type: text(64) }).optional(),
});
export const ValueAddedChange = z.object({
  packageIds: z.array(Id).min(1).max(50),
  deviceIds: DeviceIds,
  remove: z.boolean().default(false),
});
export const BindResult = z.object({ changed: z.number().int(), deviceIds: z.array(z.string()) });

/** R19: a pasted list of the customers' device ids (device numbers), deactivated or reactivated at once. */
export const DeviceBatchState = DeviceWhere.extend({
  deviceNos: z.array(text(64)).min(1).max(10_000),
  state: DeviceState,
});
export const DeviceBatchResult = z.object({
  changed: z.array(z.string()),
  unchanged: z.array(z.string()).describe('already in the asked state'),
});
