// Payments (issue #12): attempts through providers behind one interface, their signed notifications
// verified on the raw body and stored once, and settlement in one locked transaction. Built so far: the
// sandbox provider (WeChat Pay API v3 notifications), the WeChat Pay, Alipay and PayPal adapters
// (configured from the environment) and online wallet top-ups. See docs/payments.md.
export { expireAttemptJob } from './expire-attempt';
export {
  ALIPAY_MAX,
  decimalOf,
  fenOf,
  MERCHANT_ORDER_NO,
  minorOfDecimal,
  minorOfFen,
  PAYPAL_MAX,
} from './money-edge';
export { paymentRoutes } from './payment-routes';
export { NOTIFY_PATH, PaymentsConfigError, paymentsFromEnv, sandboxPayments } from './payments-config';
export { NO_PAYMENTS, type PaymentProvider, type Payments, providerOf, providersFor } from './provider';
export { receiveNotification } from './receive-notification';
export { generateSandboxKeys, type SandboxKeys, SandboxPlatform } from './sandbox-platform';
export { settlePaidAttempt } from './settle-attempt';
export { EXPIRE_JOB, startOnlineTopup, TOPUP_TTL } from './start-online-topup';
export { getAttempt, listOnlineTopups } from './view-attempts';
export { verifyWechatNotification } from './wechatpay-notification';
