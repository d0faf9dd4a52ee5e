import { z } from 'zod';
import { Amount, CurrencyCode, ListQuery, sortOf, Text } from './common';

// Refunds (issue #12): the policy's verdicts shown before filing (R30, R32, R33, R35) and the execution
// of an approved refund by the original channel, with arrival tracked apart from approval (R35).

export const RefundRule = z.enum(['R30', 'R32', 'R33', 'R35']);

/** One refusal: the rule, the message with its numbers, and what to do instead. */
export const RefundRefusal = z.object({
  rule: RefundRule,
  code: z.string(),
  message: Text,
  fixes: z.array(Text),
});

export const RefundPolicyLine = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  orderLineId: z.string(),
  lineNo: z.number(),
  planName: z.object({ zh: z.string(), en: z.string().nullable() }).optional(),
  paid: Amount,
  alreadyRefunded: Amount,
  /** what would come back; 0 when refused */
  refundable: Amount,
  refusals: z.array(RefundRefusal),
});

export const RefundChannel = z.enum(['wallet', 'offline', 'sandbox', 'wechatpay', 'alipay', 'paypal']);

export const RefundPolicyOrder = z.object({
  orderId: z.string(),
  orderNumber: z.string(),
  refusals: z.array(RefundRefusal),
  /** R35: where the refundable amount goes back, newest payment first */
  allocations: z.array(z.object({ channel: z.string(), amount: Amount })),
});

export const RefundPolicy = z.object({
  /** true when filing now would be accepted (no refusal blocks it and something is refundable) */
  fileable: z.boolean(),
  orders: z.array(RefundPolicyOrder),
  lines: z.array(RefundPolicyLine),
});
export type RefundPolicy = z.infer<typeof RefundPolicy>;

export const RefundPaymentState = z.enum(['pending', 'processing', 'succeeded', 'failed']);

/** One payment a refund went back through: approval is the request's; arrival is this row's (R35). */
export const RefundPayment = z.object({
  id: z.string(),
  orderId: z.string(),
  channel: RefundChannel,
  refundNo: z.string(),
  amount: Amount,
  state: RefundPaymentState,
  providerRefundId: z.string().nullable(),
  failure: z.string().nullable(),
  createdAt: z.string(),
  arrivedAt: z.string().nullable(),
});
export type RefundPayment = z.infer<typeof RefundPayment>;

/**
 * Finance's list of every refund payment (R35): what went back, what is still on its way, what failed and
 * is still owed. Money that came late for a closed attempt (R29) is returned with no request.
 */
export const RefundPaymentRecord = RefundPayment.extend({
  orderId: z.string().nullable(),
  currency: CurrencyCode,
  requestId: z.string().nullable(),
  requestNumber: z.string().nullable(),
  /** the payment it returns (a provider's or a bank transfer's); null for a wallet credit */
  merchantOrderNo: z.string().nullable(),
  /** true: money that came late (R29), returned unasked */
  late: z.boolean(),
});
export type RefundPaymentRecord = z.infer<typeof RefundPaymentRecord>;

export const RefundPaymentQuery = ListQuery.extend({
  state: RefundPaymentState.optional(),
  channel: RefundChannel.optional(),
  late: z.enum(['true', 'false']).optional().describe('true: late money only; false: refunds of requests'),
  sort: sortOf(['created', 'amount'], '-created'),
});
