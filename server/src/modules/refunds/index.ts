// Refunds own what a refund may return and how it goes back (R30, R32, R33, R35): the policy engine
// (refund-policy.ts, pure) judged on facts gathered by evaluate-refund.ts when drafting, filing and
// accepting; the pricing of a line (refund-line.ts); the acceptance in the approving transaction
// (accept-refund.ts) and the execution by the original channel through the `refund.execute` job
// (execute-refund.ts); money that came late for a closed attempt goes back the same way, unasked
// (refund-late-payment.ts). The review itself (file, submit, decide, R34) is the requests module's. docs/refunds.md.
export { acceptRefund, REFUND_JOB, refundNoOf } from './accept-refund';
export { type Evaluation, enforceEvaluation, evaluateRefund, type RefundMode } from './evaluate-refund';
export { executeRefundJob } from './execute-refund';
export { type InvoiceStanding, invoiceStandingOf, NO_INVOICE } from './invoice-standing';
export { listRefundableOrders } from './list-refundable-orders';
export { previewRefund } from './preview-refund';
export { refundLatePaymentJob } from './refund-late-payment';
export { registerRefundPaymentRoutes } from './refund-payment-routes';
export type { Refusal } from './refund-policy';
export { refundRoutes } from './refund-routes';
export {
  insertRefundLines,
  type NamedRefundLine,
  type PlanName,
  type RefundLineRow,
  type RefundPaymentRow,
  type RequestRefundPaymentRow,
  refundLinesOf,
  refundPaymentsOf,
} from './refund-store';
export { knownRefundWindows, type RefundWindows, windowsOf } from './refund-windows';
export { REFUND_PAYMENT_READERS, viewRefundPayments } from './view-refund-payments';
