// Invoices (fapiao, R29, R30, R33; docs/invoices.md): invoice requests over paid orders with server-derived
// lines and tax, issue through a tax platform under a gap-free number series, append-only invoices,
// red-letter reversals (with the 红字发票信息确认单 step for a booked 专票) and the invoice PDF. Refunds read
// an order's invoice standing here and withdraw open requests with a refund.
export { type Confirmation, confirmReversal } from './confirm-reversal';
export type { InvoiceRow, InvoiceType, RequestRow, ReversalReason, ReversalRow } from './invoice';
export { REVERSAL_REASONS } from './invoice';
export { cjkFontPath } from './invoice-pdf';
export { type InvoiceStanding, invoiceStandingOf } from './invoice-standing';
export { issueInvoice } from './issue-invoice';
export { refuseInvoiceRequest } from './refuse-invoice-request';
export { type InvoiceRequestInput, requestInvoice } from './request-invoice';
export { type ReversalInput, reverseInvoice } from './reverse-invoice';
export { isUnifiedSocialCreditCode } from './tax-id';
export { localTaxPlatform, type TaxPlatform } from './tax-platform';
export {
  findInvoiceRequests,
  findInvoices,
  getInvoice,
  getInvoiceRequest,
  invoicePdf,
} from './view-invoices';
export { withdrawInvoiceRequest, withdrawInvoiceRequests } from './withdraw-invoice-requests';
