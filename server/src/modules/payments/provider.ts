import type { Currency } from '@kaidan/shared';
import type { Temporal } from 'temporal-polyfill';

// One interface for every payment provider (issue #12). Amounts cross it in minor units (bigint); each
// adapter converts at its own edge (fen integers for WeChat Pay) and nowhere else.

/** Online providers (R28). Wallet balance and offline bank transfer are payment methods too, but move no
 * money through a provider: they are `PaymentMethod`s without an adapter. */
export type ProviderName = 'sandbox' | 'wechatpay' | 'alipay' | 'paypal';
export type PaymentMethod = 'wallet' | 'offline' | ProviderName;

export interface AttemptRequest {
  merchantOrderNo: string;
  amount: bigint;
  currency: Currency;
  description: string;
  expiresAt: Temporal.Instant;
}

/** What the payer is shown: for WeChat Pay Native (and the sandbox) a `code_url` drawn as a QR code. */
export interface CreatedAttempt {
  codeUrl: string;
}

/** A notification exactly as it arrived: the raw body (signatures cover its bytes) and the headers. */
export interface RawNotification {
  body: string;
  header(name: string): string | undefined;
}

/** What a verified notification says about one attempt. */
export interface PaymentEvent {
  notificationId: string;
  merchantOrderNo: string;
  /**
   * 'paid' for WeChat Pay TRANSACTION.SUCCESS (Alipay TRADE_SUCCESS, PayPal PAYMENT.CAPTURE.COMPLETED);
   * 'approved' when the payer approved but the merchant must still complete it (PayPal
   * CHECKOUT.ORDER.APPROVED → capture, by `complete`); anything else changes no money.
   */
  status: 'paid' | 'approved' | 'other';
  amount: bigint;
  currency: Currency;
  providerTxnId: string | null;
  /** the provider's own id of the order, where completing it needs one (PayPal's order id) */
  orderRef?: string | null;
}

export type Verification =
  | { ok: true; event: PaymentEvent }
  | {
      ok: false;
      reason: 'stale' | 'bad_signature' | 'unknown_serial' | 'malformed';
      notificationId: string | null;
    };

/** A refusal names the notification's id when it carried one, so a replayed refusal is stored once too. */
export const refusalOf =
  (notificationId: string | null) =>
  (reason: Exclude<Verification, { ok: true }>['reason']): Verification => ({
    ok: false,
    reason,
    notificationId,
  });

/**
 * A verified CNY notification (WeChat Pay, Alipay): paid when the provider says the trade succeeded;
 * anything else it notifies (a refund of the trade, a closed trade) is an event that moves no money.
 */
export function cnyPaymentEvent(
  paid: boolean,
  e: Pick<PaymentEvent, 'notificationId' | 'merchantOrderNo' | 'amount' | 'providerTxnId'>,
): Verification {
  return { ok: true, event: { ...e, status: paid ? 'paid' : 'other', currency: 'CNY' } };
}

/** The provider's own status of an attempt, for the query job when no notification came. */
export type ProviderStatus =
  | { state: 'paid'; amount: bigint; currency: Currency; providerTxnId: string | null }
  | { state: 'paying' }
  | { state: 'unpaid' }
  | { state: 'closed' };

/**
 * The answer a provider expects to a notification: WeChat Pay wants 200/204 or a 4xx/5xx JSON body,
 * Alipay the plain text `success` (anything else, and it redelivers), PayPal any 2xx.
 */
export interface ProviderAnswer {
  status: 200 | 204 | 400 | 500;
  body: Record<string, string> | string | null;
}

/**
 * A refund of (part of) one paid attempt, back by its channel (R35). `refundNo` is ours, saved before the
 * call and reused on every retry, so the provider refunds once (WeChat Pay out_refund_no, Alipay
 * out_request_no, PayPal PayPal-Request-Id). `total` is what the attempt paid (WeChat Pay wants both).
 */
export interface RefundRequest {
  merchantOrderNo: string;
  providerTxnId: string | null;
  refundNo: string;
  amount: bigint;
  total: bigint;
  currency: Currency;
  reason: string;
}

/** The provider's word on a refund: accepted and on its way, arrived back with the payer, or refused. */
export type RefundStatus =
  | { state: 'processing'; providerRefundId: string | null }
  | { state: 'succeeded'; providerRefundId: string | null; arrivedAt: Temporal.Instant }
  | { state: 'failed'; reason: string };

export interface PaymentProvider {
  readonly name: ProviderName;
  readonly currencies: readonly Currency[];
  createAttempt(req: AttemptRequest): Promise<CreatedAttempt>;
  /** may be asynchronous: PayPal's verification fetches (and caches) the signing certificate */
  verifyNotification(raw: RawNotification): Verification | Promise<Verification>;
  answer(accepted: boolean): ProviderAnswer;
  queryAttempt(merchantOrderNo: string): Promise<ProviderStatus>;
  closeAttempt(merchantOrderNo: string): Promise<void>;
  /** completes an approved payment (PayPal: captures the order); only providers that approve first */
  complete?(approved: PaymentEvent): Promise<ProviderStatus>;
  /** idempotent on `refundNo`: a retry after a lost answer returns the first call's refund */
  refund(req: RefundRequest): Promise<RefundStatus>;
  queryRefund(merchantOrderNo: string, refundNo: string): Promise<RefundStatus>;
  /** days after payment the provider still refunds (WeChat Pay 365, PayPal 180, Alipay per merchant) */
  readonly refundWindowDays: number;
}

/** The providers this server runs with, from its configuration; an empty map offers no online payment. */
export interface Payments {
  providers: ReadonlyMap<ProviderName, PaymentProvider>;
  /** the provider an online top-up uses when the caller names none */
  preferred: ProviderName | null;
  /** the sandbox's payer side, present only when the sandbox is enabled (demos and tests) */
  sandbox?: { pay(merchantOrderNo: string): void };
}

export const NO_PAYMENTS: Payments = { providers: new Map(), preferred: null };

/** The configured provider of that name (a stored attempt names its provider as text). */
export const providerOf = (payments: Payments, name: string): PaymentProvider | undefined =>
  [...payments.providers.values()].find((pv) => pv.name === name);

/** Which providers take a currency, in the order a payer is offered them (CNY: WeChat Pay, Alipay,
 * sandbox; USD: PayPal for foreign customers, R28), among those this server is configured with. */
export function providersFor(payments: Payments, currency: Currency): PaymentProvider[] {
  const order: readonly ProviderName[] = currency === 'USD' ? ['paypal'] : ['wechatpay', 'alipay', 'sandbox'];
  return order.flatMap((name) => {
    const pv = payments.providers.get(name);
    return pv?.currencies.includes(currency) ? [pv] : [];
  });
}
