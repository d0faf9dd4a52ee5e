import { z } from 'zod';
import { Amount, CurrencyCode } from './common';
import { PaymentMethod } from './orders';

// R28, R29 (issue #12, ADR 0020): paying an order that waits for payment — the methods offered, the
// attempts made, and the offline bank transfer that finance confirms.

export const OrderPaymentState = z.enum(['pending', 'paid', 'closed', 'failed']);

/** One payment attempt of an order: a provider's QR code, or an offline transfer awaiting finance. */
export const OrderPaymentAttempt = z.object({
  id: z.string(),
  orderId: z.string().nullable(),
  provider: z.string(),
  merchantOrderNo: z.string(),
  amount: Amount,
  currency: CurrencyCode,
  state: OrderPaymentState.describe('pending until paid; closed = expired unpaid; failed = declined'),
  codeUrl: z.string().nullable().describe('the QR code content (WeChat Pay Native code_url and the sandbox)'),
  bankReference: z.string().nullable(),
  evidenceNote: z.string().nullable(),
  createdBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  decisionComment: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});

/** GET /orders/{id}/payments: what the pay screen shows. */
export const OrderPayments = z.object({
  orderId: z.string(),
  number: z.string(),
  state: z.string(),
  total: Amount,
  currency: CurrencyCode,
  paymentMethod: PaymentMethod,
  paymentDueAt: z.string().nullable(),
  /** R28: the methods the caller may pay this order by now (empty once paid, voided or expired) */
  offered: z.array(PaymentMethod),
  attempts: z.array(OrderPaymentAttempt),
});

/** POST /orders/{id}/payments: start an online payment (QR code) or record an offline transfer. */
export const StartOrderPayment = z.object({
  method: PaymentMethod.exclude(['wallet']),
  /** offline only: the bank's transfer reference (R43 evidence) */
  bankReference: z.string().trim().min(4).max(64).optional(),
  /** offline only: the slip's file name or any reference text */
  evidenceNote: z.string().trim().max(500).optional(),
});

export const DecideOfflinePayment = z.object({ comment: z.string().trim().min(1).max(2000) });
