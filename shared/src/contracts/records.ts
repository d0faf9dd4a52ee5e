import { z } from 'zod';
import {
  BILLING_ORDER_TYPES,
  DEVICE_DEPTHS,
  DEVICE_ORDER_SOURCES,
  DEVICE_ORDER_STATES,
  PAYMENT_METHODS,
  TOPUP_CHANNELS,
  TOPUP_RECORD_STATES,
} from '../vocabulary';
import { Amount, CurrencyCode, Cursor, Id, ListQuery, sortOf } from './common';

// Records (issue #13 slice 5, R26, R39, seed 003 订单记录 / 订单管理 / 充值记录): read-only lists of device
// orders with their items, finance's paid billing orders and the top-up records, each exported as CSV/XLSX.
export const DeviceOrderState = z.enum(DEVICE_ORDER_STATES);
export const DeviceOrderSource = z.enum(DEVICE_ORDER_SOURCES);
export const BillingOrderType = z.enum(BILLING_ORDER_TYPES);
export const TopupRecordState = z.enum(TOPUP_RECORD_STATES);
export const TopupChannel = z.enum(TOPUP_CHANNELS);
const Method = z.enum(PAYMENT_METHODS);

/** Sortable columns of the three lists (keyset on the column and the id, DESIGN §7). */
export const RECORD_SORTS = {
  deviceOrders: ['created', 'total', 'paid'],
  deviceOrderItems: ['device', 'deviceNo'],
  billingOrders: ['paid', 'amount'],
  topupRecords: ['at', 'amount'],
} as const;

/** Company filter: the chosen company (in scope) alone or with all its subsidiaries, as in devices. */
const CompanyFilter = {
  companyId: Id.optional().describe('a company in scope; its subsidiaries too unless depth=direct'),
  depth: z.enum(DEVICE_DEPTHS).optional(),
  partnerId: Id.optional().describe('companies owned by this partner (staff)'),
};

export const DeviceOrderQuery = ListQuery.extend({
  ...CompanyFilter,
  state: DeviceOrderState.optional(),
  paymentMethod: Method.optional(),
  currency: CurrencyCode.optional(),
  source: DeviceOrderSource.optional(),
  sort: sortOf(RECORD_SORTS.deviceOrders, '-created'),
});

export const DeviceOrderRecord = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  source: DeviceOrderSource,
  state: DeviceOrderState,
  paymentMethod: Method,
  currency: CurrencyCode,
  months: z.number().int(),
  deviceCount: z.number().int(),
  total: Amount,
  /** the renewal packages' share and the value-added packages' share of the total */
  renewalAmount: Amount,
  valueAddedAmount: Amount,
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  paymentDueAt: z.string().nullable(),
});

export const DeviceOrderItemQuery = Cursor.extend({
  q: z.string().trim().max(100).optional().describe('device id or type'),
  sort: sortOf(RECORD_SORTS.deviceOrderItems, 'device').describe(
    'device: registration order, index-backed at any size (default); deviceNo: by device id, sorts the whole order',
  ),
});

export const DeviceOrderItem = z.object({
  deviceId: z.string(),
  deviceNo: z.string(),
  deviceType: z.string(),
  companyId: z.string(),
  /** null once the package was deleted; the code is the one it was sold under */
  packageId: z.string().nullable(),
  packageCode: z.string(),
  packageName: z.string().nullable(),
  /** per device-month */
  renewalAmount: Amount,
  valueAddedAmount: Amount,
  /** the device's share of the order: per month times the months */
  amount: Amount,
  expiresBefore: z.string().nullable(),
  expiresAfter: z.string().nullable(),
});

export const BillingOrderQuery = ListQuery.extend({
  ...CompanyFilter,
  type: BillingOrderType.optional(),
  paymentMethod: Method.optional(),
  currency: CurrencyCode.optional(),
  sort: sortOf(RECORD_SORTS.billingOrders, '-paid'),
});

export const BillingOrder = z.object({
  /** the attempt, request or device order behind the row */
  id: z.string(),
  type: BillingOrderType,
  number: z.string(),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  paymentMethod: Method,
  currency: CurrencyCode,
  amount: Amount,
  renewalAmount: Amount,
  valueAddedAmount: Amount,
  paidAt: z.string(),
});

export const TopupRecordQuery = ListQuery.extend({
  ...CompanyFilter,
  state: TopupRecordState.optional(),
  channel: TopupChannel.optional(),
  paymentMethod: Method.optional(),
  currency: CurrencyCode.optional(),
  sort: sortOf(RECORD_SORTS.topupRecords, '-at'),
});

export const TopupRecord = z.object({
  /** the payment attempt (online) or the request (offline) */
  id: z.string(),
  channel: TopupChannel,
  number: z.string(),
  state: TopupRecordState,
  /** the source's own state: an attempt's pending/paid/closed/failed, a request's submitted/approved/… */
  status: z.string(),
  walletOwnerType: z.enum(['partner', 'company']),
  walletOwnerId: z.string(),
  walletOwnerName: z.string(),
  paymentMethod: Method,
  currency: CurrencyCode,
  amount: Amount,
  /** when it was started (online) or submitted to finance (offline) */
  at: z.string(),
  settledAt: z.string().nullable(),
});
