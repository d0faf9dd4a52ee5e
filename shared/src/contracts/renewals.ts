import { z } from 'zod';
import { Amount, CurrencyCode, Id, IsoDate } from './common';
import { OrderPaymentAttempt } from './order-payments';
import { PaymentMethod } from './orders';

// R20 (issue #13, seed 003 充值续费): a customer's batch renewal of devices — the quote it confirms a
// second time, the order that results, and paying it (docs/renewals.md).

/** Over HTTP a batch is bounded by the 1 MB body; the use case itself takes 100,000 (bench/). */
export const MAX_RENEWAL_IDS_HTTP = 20_000;

export const RenewalRequest = z.object({
  deviceIds: z.array(Id).min(1).max(MAX_RENEWAL_IDS_HTTP),
  months: z.number().int().describe('6, 12, 24, or a custom whole number of months from 1 to 120'),
});

export const QuotedDevice = z.object({
  id: z.string(),
  deviceNo: z.string(),
  companyId: z.string(),
  packageCode: z.string().nullable(),
  expiresOn: IsoDate.nullable(),
  renewsTo: IsoDate.describe('max(expiry, today) + months, clamped to the month end'),
  monthly: Amount.describe('the renewal package plus its value-added packages, per month'),
  amount: Amount,
});

export const RenewalQuote = z.object({
  deviceCount: z.number().int(),
  months: z.number().int(),
  currency: CurrencyCode,
  total: Amount,
  quotedAt: z.string().describe('send it back with the confirmation'),
  devices: z.array(QuotedDevice).describe('the first 200 devices by device id'),
});

export const PlaceRenewal = RenewalRequest.extend({
  expectedTotal: Amount.describe("the quote's total the customer confirmed; another total is refused"),
  quotedAt: z.string(),
});

export const DeviceOrderState = z.enum(['awaiting_payment', 'paid', 'expired']);

export const DeviceOrderItem = z.object({
  deviceId: z.string(),
  deviceNo: z.string(),
  type: z.string(),
  packageCode: z.string(),
  amount: Amount,
  expiresOn: IsoDate.nullable(),
  expiresBefore: IsoDate.nullable(),
  expiresAfter: IsoDate.nullable(),
});

export const DeviceOrderSummary = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  source: z.enum(['customer', 'auto_renew']),
  months: z.number().int(),
  currency: CurrencyCode,
  total: Amount,
  deviceCount: z.number().int(),
  state: DeviceOrderState,
  paymentMethod: PaymentMethod,
  paymentDueAt: z.string().nullable(),
  createdAt: z.string(),
  paidAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

/** The pay screen of a renewal order: GET /device-orders/{id}. */
export const DeviceOrder = DeviceOrderSummary.extend({
  /** R28: what the caller may pay it by now (empty once paid or expired) */
  offered: z.array(PaymentMethod),
  attempts: z.array(OrderPaymentAttempt),
  items: z.array(DeviceOrderItem).describe('the first 200 items by device id'),
});

export const PayDeviceOrder = z.object({ method: PaymentMethod });
export const DeviceOrderPayment = z.object({ order: DeviceOrder, attempt: OrderPaymentAttempt.nullable() });

export type DeviceOrderJson = z.infer<typeof DeviceOrder>;
export type RenewalQuoteJson = z.infer<typeof RenewalQuote>;
