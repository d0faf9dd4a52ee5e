import type { Order, Refund } from '@paypal/paypal-server-sdk';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../../platform/clock';
import { loadPaypalSdk, once } from '../../../platform/lazy-libs';
import { decimalOf, minorOfDecimal, PAYPAL_MAX } from '../money-edge';
import type { PaymentProvider, ProviderStatus, RefundStatus } from '../provider';
import { rebasedTransport } from './paypal-transport';
import { PaypalCerts, type PaypalWebhookConfig, verifyPaypalWebhook } from './paypal-webhook';

// The PayPal adapter (Orders v2, approve then capture; Payments v2 refunds) through
// @paypal/paypal-server-sdk, in USD for foreign customers (R28). createAttempt answers the approval
// link, which the payer opens; the approval (webhook CHECKOUT.ORDER.APPROVED, or our query) leads to the
// capture, and the completed capture settles. Our merchant order number is the order's invoice_id and
// custom_id, so every event names it; PayPal-Request-Id makes each create, capture and refund happen once.

export interface PaypalConfig extends PaypalWebhookConfig {
  clientId: string;
  clientSecret: string;
  environment: 'sandbox' | 'production';
  /** where the payer lands after approving or cancelling (the console's return page) */
  returnUrl: string;
  cancelUrl: string;
  baseUrl?: string | undefined;
  /** the PayPal order id of an attempt (PayPal's own id, read back from the approval link we stored) */
  orderIdOf: (merchantOrderNo: string) => Promise<string | null>;
  fetchCert?: (url: string) => Promise<string>;
}

const usd = (amount: bigint) => ({ currencyCode: 'USD', value: decimalOf(amount, PAYPAL_MAX) });
/** PayPal's refusal (4xx): its error name and first issue, for the record; a 5xx is thrown and retried. */
const refusalOf = async (e: unknown): Promise<string | null> => {
  const { ApiError } = await loadPaypalSdk();
  if (!(e instanceof ApiError) || e.statusCode >= 500) return null;
  const r = typeof e.body === 'string' ? e.body : '';
  const issue =
    /"issue"\s*:\s*"([^"]+)"/.exec(r)?.[1] ?? /"name"\s*:\s*"([^"]+)"/.exec(r)?.[1] ?? String(e.statusCode);
  return issue;
};

/** The order id PayPal put in its approval link (…/checkoutnow?token=<order id>). */
export const orderIdOfLink = (link: string | null): string | null => {
  try {
    return link ? new URL(link).searchParams.get('token') : null;
  } catch {
    return null;
  }
};

function captured(order: Order): ProviderStatus {
  const capture = order.purchaseUnits?.[0]?.payments?.captures?.[0];
  if (!capture) return { state: 'unpaid' };
  if (capture.status === 'PENDING') return { state: 'paying' };
  if (capture.status !== 'COMPLETED') return { state: 'closed' };
  const amount = minorOfDecimal(capture.amount?.value, PAYPAL_MAX);
  if (amount === null || capture.amount?.currencyCode !== 'USD')
    throw new Error('PayPal: malformed capture amount');
  return { state: 'paid', amount, currency: 'USD', providerTxnId: capture.id ?? null };
}

function refundStatusOf(r: Refund, clock: Clock): RefundStatus {
  const id = r.id ?? null;
  if (r.status === 'COMPLETED')
    return {
      state: 'succeeded',
      providerRefundId: id,
      arrivedAt:
        r.updateTime || r.createTime
          ? Temporal.Instant.from(r.updateTime ?? r.createTime ?? '')
          : clock.now(),
    };
  if (r.status === 'PENDING') return { state: 'processing', providerRefundId: id };
  return { state: 'failed', reason: `${r.status ?? 'UNKNOWN'}: ${r.statusDetails?.reason ?? ''}` };
}

export function paypalProvider(cfg: PaypalConfig, clock: Clock): PaymentProvider {
  const api = once(async () => {
    const sdk = await loadPaypalSdk();
    const client = new sdk.Client({
      clientCredentialsAuthCredentials: { oAuthClientId: cfg.clientId, oAuthClientSecret: cfg.clientSecret },
      environment: cfg.environment === 'production' ? sdk.Environment.Production : sdk.Environment.Sandbox,
      timeout: 10_000,
      ...(cfg.baseUrl ? { unstable_httpClientOptions: { adapter: rebasedTransport(cfg.baseUrl) } } : {}),
    });
    return { sdk, orders: new sdk.OrdersController(client), payments: new sdk.PaymentsController(client) };
  });
  const certs = new PaypalCerts(cfg.fetchCert);
  // Order ids of this process's attempts, so the query job needs no database read while it holds its
  // transaction (on PGlite that read would wait for the job's own session); the stored approval link
  // answers for attempts started before a restart or in another process.
  const known = new Map<string, string>();
  const orderIdOf = async (no: string) => known.get(no) ?? (await cfg.orderIdOf(no));

  const capture = async (id: string, no: string): Promise<ProviderStatus> => {
    const { orders } = await api();
    try {
      const { result } = await orders.captureOrder({
        id,
        paypalRequestId: `CAP-${no}`,
        prefer: 'return=representation',
      });
      return captured(result);
    } catch (e) {
      // ORDER_ALREADY_CAPTURED and the like: the order itself says how it stands
      if (!(await refusalOf(e))) throw e;
      const { result } = await orders.getOrder({ id });
      return result.status === 'COMPLETED' ? captured(result) : { state: 'unpaid' };
    }
  };

  return {
    name: 'paypal',
    currencies: ['USD'],
    refundWindowDays: 180,
    createAttempt: async (req) => {
      const { sdk, orders } = await api();
      const { result } = await orders.createOrder({
        paypalRequestId: req.merchantOrderNo,
        prefer: 'return=representation',
        body: {
          intent: sdk.CheckoutPaymentIntent.Capture,
          purchaseUnits: [
            {
              referenceId: req.merchantOrderNo,
              invoiceId: req.merchantOrderNo,
              customId: req.merchantOrderNo,
              description: req.description.slice(0, 127),
              amount: usd(req.amount),
            },
          ],
          applicationContext: {
            returnUrl: cfg.returnUrl,
            cancelUrl: cfg.cancelUrl,
            userAction: sdk.OrderApplicationContextUserAction.PayNow,
            shippingPreference: sdk.OrderApplicationContextShippingPreference.NoShipping,
          },
        },
      });
      const link = result.links?.find((l) => l.rel === 'approve' || l.rel === 'payer-action')?.href;
      if (!link || !result.id || orderIdOfLink(link) !== result.id)
        throw new Error('PayPal: no approval link for the order');
      known.set(req.merchantOrderNo, result.id);
      return { codeUrl: link };
    },
    verifyNotification: (raw) => verifyPaypalWebhook(raw, cfg, certs, clock),
    // PayPal wants any 2xx; anything else and it redelivers
    answer: (accepted) => ({ status: accepted ? 200 : 400, body: {} }),
    complete: async (e) => {
      const id = e.orderRef ?? (await orderIdOf(e.merchantOrderNo));
      return id ? capture(id, e.merchantOrderNo) : { state: 'unpaid' };
    },
    queryAttempt: async (no) => {
      const id = await orderIdOf(no);
      if (!id) return { state: 'unpaid' };
      const { result } = await (await api()).orders.getOrder({ id });
      switch (result.status) {
        case 'APPROVED':
          // the payer approved and we have not captured yet: capturing is what completes the payment
          return capture(id, no);
        case 'COMPLETED':
          return captured(result);
        case 'VOIDED':
          return { state: 'closed' };
        default:
          return { state: 'unpaid' };
      }
    },
    // A PayPal order cannot be closed: unapproved, it lapses; approved, we never capture it.
    closeAttempt: async () => {},
    refund: async (req) => {
      const { orders, payments } = await api();
      let captureId = req.providerTxnId;
      if (!captureId) {
        const id = await orderIdOf(req.merchantOrderNo);
        const status = id ? captured((await orders.getOrder({ id })).result) : null;
        captureId = status?.state === 'paid' ? status.providerTxnId : null;
      }
      if (!captureId) return { state: 'failed', reason: `NO_CAPTURE: ${req.merchantOrderNo} has no capture` };
      try {
        const { result } = await payments.refundCapturedPayment({
          captureId,
          paypalRequestId: req.refundNo,
          prefer: 'return=representation',
          body: { amount: usd(req.amount), invoiceId: req.refundNo, noteToPayer: req.reason.slice(0, 255) },
        });
        return refundStatusOf(result, clock);
      } catch (e) {
        const r = await refusalOf(e);
        if (r) return { state: 'failed', reason: r };
        throw e;
      }
    },
    queryRefund: async (no, refundNo) => {
      // PayPal knows a refund by its own id: the order lists its refunds, ours by invoice_id
      const { orders, payments } = await api();
      const id = await orderIdOf(no);
      const order = id ? (await orders.getOrder({ id })).result : null;
      const listed = order?.purchaseUnits?.[0]?.payments?.refunds?.find((r) => r.invoiceId === refundNo);
      if (!listed?.id) return { state: 'failed', reason: `NOT_FOUND: no refund ${refundNo}` };
      return refundStatusOf((await payments.getRefund({ refundId: listed.id })).result, clock);
    },
  };
}
