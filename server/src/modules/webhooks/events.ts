import { type Currency, formatAmount } from '@kaidan/shared';
import type { WebhookEvent } from './emit-event';

// The payloads of the events other modules raise (docs/webhooks.md): built here so every emitter
// writes the same shape, with money as decimal strings in the currency's scale (never a float).

interface PaidOrder {
  id: string;
  number: string;
  channel: string;
  partner_id: string | null;
  company_id: string;
  currency: Currency;
  total: bigint;
}

/** `order.paid`: the partner that sold it receives it (direct and self-service orders: vendor-wide only). */
export const orderPaid = (o: PaidOrder, paidAt: Date): WebhookEvent => ({
  type: 'order.paid',
  partnerId: o.partner_id,
  payload: {
    orderId: o.id,
    number: o.number,
    channel: o.channel,
    companyId: o.company_id,
    partnerId: o.partner_id,
    currency: o.currency,
    total: formatAmount(o.total, o.currency),
    paidAt: paidAt.toISOString(),
  },
});

/** `refund.done`: an approved refund request, per order the money it returned. */
export const refundDone = (
  r: { id: string; number: string },
  mode: 'refund' | 'settled_offline',
  orders: { order: PaidOrder; amount: bigint }[],
  at: Date,
): WebhookEvent => ({
  type: 'refund.done',
  partnerId: orders[0]?.order.partner_id ?? null,
  payload: {
    requestId: r.id,
    number: r.number,
    mode,
    orders: orders.map(({ order, amount }) => ({
      orderId: order.id,
      number: order.number,
      companyId: order.company_id,
      currency: order.currency,
      amount: formatAmount(amount, order.currency),
    })),
    refundedAt: at.toISOString(),
  },
});

/**
 * `payment.failed`: an attempt that will bring no money — expired unpaid, or a bank transfer finance
 * declined. The owner's partner receives it when a partner pays (top-ups), else vendor-wide endpoints.
 */
export const paymentFailed = (
  a: {
    id: string;
    purpose: string;
    order_id: string | null;
    provider: string;
    merchant_order_no: string;
    owner_type: string;
    owner_id: string;
    amount: bigint;
    currency: Currency;
  },
  reason: 'expired' | 'declined',
  at: Date,
): WebhookEvent => ({
  type: 'payment.failed',
  partnerId: a.owner_type === 'partner' ? a.owner_id : null,
  payload: {
    attemptId: a.id,
    purpose: a.purpose,
    orderId: a.order_id,
    provider: a.provider,
    merchantOrderNo: a.merchant_order_no,
    currency: a.currency,
    amount: formatAmount(a.amount, a.currency),
    reason,
    failedAt: at.toISOString(),
  },
});

interface IssuedInvoice {
  id: string;
  number: string;
  kind: 'blue' | 'red';
  invoice_type: 'normal' | 'special';
  company_id: string;
  original_id: string | null;
  currency: Currency;
  total: bigint;
  tax_total: bigint;
  issued_at: Date;
}

/**
 * `invoice.issued`: a blue invoice, or a red-letter one reversing it (negative amounts, `originalId` set).
 * Vendor-wide endpoints only: invoices go to companies that paid themselves, not through a partner.
 */
export const invoiceIssued = (i: IssuedInvoice, orderIds: readonly string[]): WebhookEvent => ({
  type: 'invoice.issued',
  partnerId: null,
  payload: {
    invoiceId: i.id,
    number: i.number,
    kind: i.kind,
    invoiceType: i.invoice_type,
    companyId: i.company_id,
    originalId: i.original_id,
    orderIds: [...orderIds],
    currency: i.currency,
    total: formatAmount(i.total, i.currency),
    tax: formatAmount(i.tax_total, i.currency),
    issuedAt: i.issued_at.toISOString(),
  },
});
