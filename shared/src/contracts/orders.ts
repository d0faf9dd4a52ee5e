import { z } from 'zod';
import { PAYMENT_METHODS } from '../vocabulary';
import { OrderType, SalesChannel } from './catalog';
import { Amount, CurrencyCode as Currency, Id, IsoDate, Text } from './common';

export { OrderType };
export const OrderState = z.enum(['draft', 'submitted', 'approved', 'paid', 'rejected', 'voided', 'deleted']);
export const DurationUnit = z.enum(['day', 'month', 'year']);
/** R28: how the order is paid; the server offers the methods by channel and currency (ADR 0020). */
export const PaymentMethod = z.enum(PAYMENT_METHODS);

export const OrderLineInput = z.object({
  planId: Id,
  /** omitted on a renewal = keep the current seats (R13) */
  seats: z.number().int().min(1).max(1_000_000).optional(),
  duration: z.object({ unit: DurationUnit, value: z.number().int().min(1).max(3650) }).optional(),
});

export const OrderInput = z.object({
  companyId: Id,
  productId: Id,
  orderType: OrderType,
  currency: Currency.optional(),
  effectiveDate: IsoDate.optional(),
  /** R15: align the end date to the external licence */
  cotermTo: IsoDate.optional(),
  lines: z.array(OrderLineInput).min(1).max(20),
});

export const PlaceOrderInput = OrderInput.extend({
  submit: z.boolean().optional(),
  /** R28: 'wallet' when omitted; a method not offered for this order is refused with those that are */
  paymentMethod: PaymentMethod.optional(),
});

export const QuoteLine = z.object({
  lineNo: z.number(),
  planId: z.string(),
  planName: z.object({ zh: z.string(), en: z.string().nullable() }),
  planKind: z.string(),
  seats: z.number(),
  seatsBefore: z.number().nullable(),
  seatsAfter: z.number(),
  endBefore: z.string().nullable(),
  durationUnit: DurationUnit.nullable(),
  durationValue: z.number().nullable(),
  days: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unitAmount: Amount,
  amount: Amount,
  passThrough: z.boolean(),
  refundable: z.boolean(),
});

export const Quote = z.object({
  channel: SalesChannel,
  partnerId: z.string().nullable(),
  company: z.object({
    id: z.string(),
    nameZh: z.string(),
    nameEn: z.string().nullable(),
    tenantId: z.string().nullable(),
  }),
  productId: z.string(),
  orderType: OrderType,
  currency: Currency,
  effectiveDate: z.string(),
  cotermTo: z.string().nullable(),
  externalEnd: z.string().nullable(),
  lines: z.array(QuoteLine),
  total: Amount,
  /** R28: the methods this order may be paid by, decided by the server (channel, currency, providers) */
  paymentMethods: z.array(PaymentMethod),
});

export const Order = z.object({
  id: z.string(),
  number: z.string(),
  channel: z.string(),
  orderType: OrderType,
  partnerId: z.string().nullable(),
  companyId: z.string(),
  productId: z.string(),
  currency: Currency,
  total: Amount,
  effectiveDate: z.string(),
  cotermTo: z.string().nullable(),
  state: OrderState,
  settledOfflineAt: z.string().nullable(),
  createdBy: z.string().nullable(),
  createdAt: z.string(),
  submittedAt: z.string().nullable(),
  receivedAt: z.string().nullable(),
  /** who took the order into work (R5), the order's owner in the queue */
  receivedBy: z.string().nullable(),
  receivedByName: z.string().nullable(),
  /** R5: the countersigned contract went back to the customer; voided only through a void request */
  archivedAt: z.string().nullable(),
  /** R7: the company's new name, applied when this renewal is approved */
  renameTo: z.object({ zh: z.string(), en: z.string().nullable() }).nullable(),
  decidedAt: z.string().nullable(),
  paidAt: z.string().nullable(),
  decisionComment: z.string().nullable(),
  /** R28 */
  paymentMethod: PaymentMethod,
  /** R29: an approved order paid by any method but the wallet waits for payment until then, or expires */
  paymentDueAt: z.string().nullable(),
  version: z.number(),
});

export const OrderLine = z.object({
  id: z.string(),
  lineNo: z.number(),
  planId: z.string(),
  seats: z.number(),
  durationUnit: DurationUnit.nullable(),
  durationValue: z.number().nullable(),
  days: z.number(),
  periodStart: z.string(),
  periodEnd: z.string(),
  unitAmount: Amount,
  amount: Amount,
  refunded: Amount,
  passThrough: z.boolean(),
  refundable: z.boolean(),
});

export const ListedOrder = Order.extend({ companyName: z.string(), tenantId: z.string().nullable() });

export const PlacedOrder = z.object({ id: z.string(), number: z.string(), state: OrderState, quote: Quote });
export const OrderDecision = z.object({ state: OrderState, warnings: z.array(Text) });
export const Reason = z.object({ reason: z.string().max(2000).optional() });
export const RequiredReason = z.object({ reason: z.string().min(1).max(2000) });

/** R2, R3, R5: what the caller may do to an order now, as the order detail answers it (ADR 0007). */
export const ORDER_ACTIONS = [
  'submit',
  'approve',
  'reject',
  'receive',
  'contractArrived',
  'cancelContractArrival',
  'archive',
  'void',
  'delete',
  'requestVoid',
  'rename',
] as const;
export type OrderAction = (typeof ORDER_ACTIONS)[number];
