// The words every layer shares, declared once: server rules, zod contracts and the console import them.

/** DESIGN §1 roles. */
export const ROLES = [
  'admin',
  'order_desk',
  'finance',
  'sales',
  'support',
  'partner_agent',
  'customer',
] as const;
export type Role = (typeof ROLES)[number];

/** R1: new 新购, add seats 增购, renew 续期. */
export const ORDER_TYPES = ['new', 'add_seats', 'renew'] as const;
export type OrderType = (typeof ORDER_TYPES)[number];

/** R3, R24: the channel an order is sold through. */
export const SALES_CHANNELS = ['partner', 'direct', 'self_service'] as const;
export type SalesChannel = (typeof SALES_CHANNELS)[number];

/** R40: how an action reached Kaidan. */
export const ACTION_CHANNELS = ['console', 'api', 'cli', 'job'] as const;
export type ActionChannel = (typeof ACTION_CHANNELS)[number];

/** R40: who acted. */
export const ACTOR_KINDS = ['staff', 'partner', 'customer', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * Issue #12: the outbound webhook events (docs/webhooks.md). `invoice.issued` and `payment.failed` are
 * declared before the slices that emit them, so endpoints can subscribe to them already.
 */
export const WEBHOOK_EVENT_TYPES = ['order.paid', 'refund.done', 'invoice.issued', 'payment.failed'] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

/** A delivery waits for its next attempt, was answered 2xx, or ran out of attempts. */
export const WEBHOOK_DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type WebhookDeliveryState = (typeof WEBHOOK_DELIVERY_STATES)[number];

/**
 * R28, R29: how an order is paid. 'wallet' captures from the payer's balance; 'offline' is a bank transfer
 * recorded with evidence and confirmed by finance; the rest are online providers (issue #12).
 */
export const PAYMENT_METHODS = ['wallet', 'offline', 'sandbox', 'wechatpay', 'alipay', 'paypal'] as const;
export type PaymentMethodName = (typeof PAYMENT_METHODS)[number];
