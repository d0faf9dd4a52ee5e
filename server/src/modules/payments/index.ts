// Payments (issue #12): attempts through providers behind one interface, their signed notifications
// verified on the raw body and stored once, and settlement in one locked transaction. Built so far: the
// sandbox provider (WeChat Pay API v3 notifications), the WeChat Pay, Alipay and PayPal adapters
// (configured from the environment), online wallet top-ups, and paying orders that wait for payment
// online or by a bank transfer finance confirms (R29, ADR 0020). See docs/payments.md.
export { decideOfflinePayment } from './decide-offline-payment';
export { deviceOrderPaymentRoutes } from './device-order-payment-routes';
export { expireAttemptJob } from './expire-attempt';
export { deviceOrderDueJob, expireDeviceOrderIfClosed } from './expire-device-order-payment';
export { expireOrderIfClosed, orderDueJob } from './expire-order-payment';
export { LATE_PAYMENT_JOB } from './late-payment';
export {
  ALIPAY_MAX,
  decimalOf,
  fenOf,
  MERCHANT_ORDER_NO,
  minorOfDecimal,
  minorOfFen,
  PAYPAL_MAX,
} from './money-edge';
export { EXPIRE_JOB, TOPUP_TTL } from './online-attempt';
export { orderPaymentRoutes } from './order-payment-routes';
export {
  type OrderPaymentRow,
  paidOrderPayments,
  type RefundSource,
  refundSourceById,
} from './order-payments-store';
export { paymentRoutes } from './payment-routes';
export { NOTIFY_PATH, PaymentsConfigError, paymentsFromEnv, sandboxPayments } from './payments-config';
export { NO_PAYMENTS, type PaymentProvider, type Payments, providerOf, providersFor } from './provider';
export { receiveNotification } from './receive-notification';
export { generateSandboxKeys, type SandboxKeys, SandboxPlatform } from './sandbox-platform';
export { settlePaidAttempt } from './settle-attempt';
export { startOnlineTopup } from './start-online-topup';
export { startOrderPayment } from './start-order-payment';
export { getAttempt, listOnlineTopups } from './view-attempts';
export { listOfflinePayments, viewOrderPayments } from './view-order-payments';
export { verifyWechatNotification } from './wechatpay-notification';
