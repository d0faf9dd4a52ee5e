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
/** R18 (seed 003): a package class (大类/小类) and its packages are renewal 续费 or value-added 增值. */
export const PACKAGE_KINDS = ['renewal', 'value_added'] as const;
export type PackageKind = (typeof PACKAGE_KINDS)[number];

/** 套餐大类 and 套餐小类. */
export const PACKAGE_LEVELS = ['category', 'subcategory'] as const;
export type PackageLevel = (typeof PACKAGE_LEVELS)[number];

/** How a device package is priced; seed 003 knows one method. */
export const PRICING_METHODS = ['per_device_month'] as const;
export type PricingMethod = (typeof PRICING_METHODS)[number];

/** R19: a deactivated device is excluded from renewal and billing until reactivated. */
export const DEVICE_STATES = ['active', 'deactivated'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];

/** Every device list: the chosen company alone (直属) or with all its subsidiaries (全部). */
export const DEVICE_DEPTHS = ['direct', 'all'] as const;
export type DeviceDepth = (typeof DEVICE_DEPTHS)[number];

/** R21: a staged Excel expiry import is previewed, then applied once (or discarded). */
export const DEVICE_IMPORT_STATES = ['previewed', 'applied'] as const;
export type DeviceImportState = (typeof DEVICE_IMPORT_STATES)[number];

/**
 * R21: why a row of an expiry import is not applied, one reason per bad row. `not_found` covers unknown
 * devices and devices outside the uploader's company tree alike (telling them apart would reveal another
 * company's device, DESIGN §1).
 */
export const DEVICE_IMPORT_ERRORS = [
  'empty_row',
  'device_missing',
  'not_found',
  'ambiguous',
  'duplicate',
  'date_missing',
  'date_invalid',
  'date_past',
] as const;
export type DeviceImportError = (typeof DEVICE_IMPORT_ERRORS)[number];
/** R38 (seed 003 出账周期): the period a company's statement covers (R46); calendar months, quarters, years. */
export const BILLING_CYCLES = ['monthly', 'quarterly', 'yearly'] as const;
export type BillingCycle = (typeof BILLING_CYCLES)[number];

/** R38 (推送邮件语言): the language of a company's billing emails. */
export const EMAIL_LANGUAGES = ['zh-CN', 'en-US'] as const;
export type EmailLanguage = (typeof EMAIL_LANGUAGES)[number];

/** The daily renewal job's expiry reminders: days before a device's expiry (R38, seed 003). */
export const REMINDER_DAYS = [30, 7, 1] as const;

/** R20 (seed 003): a device order awaits payment, is paid (expiries extended) or expired unpaid. */
export const DEVICE_ORDER_STATES = ['awaiting_payment', 'paid', 'expired'] as const;
export type DeviceOrderState = (typeof DEVICE_ORDER_STATES)[number];

/** Who placed a device order: the customer (console, CLI, API) or the daily auto-renew job (R38). */
export const DEVICE_ORDER_SOURCES = ['customer', 'auto_renew'] as const;
export type DeviceOrderSource = (typeof DEVICE_ORDER_SOURCES)[number];

/**
 * R39 (seed 003 订单管理): finance's paid orders are top-ups 充值订单, renewals 延期订单 and value-added orders
 * 增值订单; a device order carrying value-added charges is `value_added` (docs/records.md).
 */
export const BILLING_ORDER_TYPES = ['topup', 'renewal', 'value_added'] as const;
export type BillingOrderType = (typeof BILLING_ORDER_TYPES)[number];

/** R26: a top-up record, online or offline, is pending, settled (credited) or closed without money. */
export const TOPUP_RECORD_STATES = ['pending', 'settled', 'closed'] as const;
export type TopupRecordState = (typeof TOPUP_RECORD_STATES)[number];

/** R25: online through a provider, or offline by bank transfer approved by finance. */
export const TOPUP_CHANNELS = ['online', 'offline'] as const;
export type TopupChannel = (typeof TOPUP_CHANNELS)[number];
