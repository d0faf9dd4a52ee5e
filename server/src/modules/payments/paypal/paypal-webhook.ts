import { createVerify, X509Certificate } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../../platform/clock';
import { minorOfDecimal, PAYPAL_MAX } from '../money-edge';
import { type RawNotification, refusalOf, type Verification } from '../provider';

// PayPal webhooks, verified as PayPal specifies for self-verification: the signature
// (paypal-transmission-sig, SHA256withRSA) is over "transmission_id|transmission_time|webhook_id|crc32"
// — the CRC32 of the raw body in decimal, and OUR webhook id, so an event sent to another merchant's
// webhook does not verify here — with the public key of the certificate at paypal-cert-url. That URL
// comes from the request, so only PayPal's own origins are fetched (a forger would name its own
// certificate), and each certificate is fetched once and cached.

export interface PaypalWebhookConfig {
  webhookId: string;
  /** origins a signing certificate may be fetched from: PayPal's API hosts (a test sets its fake's) */
  certOrigins: readonly string[];
}

export const PAYPAL_CERT_ORIGINS = [
  'https://api.paypal.com',
  'https://api-m.paypal.com',
  'https://api.sandbox.paypal.com',
  'https://api-m.sandbox.paypal.com',
] as const;

/** A transmission older (or newer) than this is refused as a replay. */
export const PAYPAL_MAX_SKEW_SECONDS = 600;

interface WebhookBody {
  id?: unknown;
  event_type?: unknown;
  resource?: {
    id?: unknown;
    status?: unknown;
    amount?: { currency_code?: unknown; value?: unknown };
    invoice_id?: unknown;
    custom_id?: unknown;
    purchase_units?: {
      invoice_id?: unknown;
      custom_id?: unknown;
      amount?: { currency_code?: unknown; value?: unknown };
    }[];
  };
}

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const parse = (text: string): WebhookBody | null => {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' ? (v as WebhookBody) : null;
  } catch {
    return null;
  }
};

export class PaypalCerts {
  readonly #cache = new Map<string, Promise<X509Certificate | null>>();
  constructor(private readonly fetchCert: (url: string) => Promise<string> = defaultFetch) {}

  /** the certificate at `url`, once per URL; a failed fetch is forgotten so a redelivery tries again */
  get(url: string): Promise<X509Certificate | null> {
    let got = this.#cache.get(url);
    if (!got) {
      got = this.fetchCert(url).then(
        (pem) => new X509Certificate(pem),
        () => null,
      );
      this.#cache.set(url, got);
      void got.then((c) => {
        if (!c) this.#cache.delete(url);
      });
    }
    return got;
  }
}

async function defaultFetch(url: string): Promise<string> {
  const res = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`PayPal certificate ${url}: HTTP ${res.status}`);
  return res.text();
}

export async function verifyPaypalWebhook(
  raw: RawNotification,
  cfg: PaypalWebhookConfig,
  certs: PaypalCerts,
  clock: Clock,
): Promise<Verification> {
  const body = parse(raw.body);
  const notificationId = str(body?.id)?.slice(0, 64) ?? null;
  const refuse = refusalOf(notificationId);
  const id = raw.header('paypal-transmission-id') ?? '';
  const time = raw.header('paypal-transmission-time') ?? '';
  const sig = raw.header('paypal-transmission-sig') ?? '';
  const certUrl = raw.header('paypal-cert-url') ?? '';
  if (!id || !time || !sig || !certUrl || raw.header('paypal-auth-algo') !== 'SHA256withRSA')
    return refuse('malformed');
  let sent: Temporal.Instant;
  let origin: string;
  try {
    sent = Temporal.Instant.from(time);
    origin = new URL(certUrl).origin;
  } catch {
    return refuse('malformed');
  }
  if (!cfg.certOrigins.includes(origin)) return refuse('unknown_serial');
  const skew = Math.abs(clock.now().since(sent).total('seconds'));
  if (skew > PAYPAL_MAX_SKEW_SECONDS) return refuse('stale');
  const cert = await certs.get(certUrl);
  const now = new Date(clock.now().epochMilliseconds);
  if (!cert || now < new Date(cert.validFrom) || now > new Date(cert.validTo))
    return refuse('unknown_serial');
  const crc = crc32(Buffer.from(raw.body, 'utf8')) >>> 0;
  let signed = false;
  try {
    signed = createVerify('RSA-SHA256')
      .update(`${id}|${time}|${cfg.webhookId}|${crc}`)
      .verify(cert.publicKey, sig, 'base64');
  } catch {
    signed = false;
  }
  if (!signed) return refuse('bad_signature');
  if (!body || !notificationId) return refuse('malformed');
  return eventOf(body, notificationId) ?? refuse('malformed');
}

/** What a verified PayPal event says: a completed capture is paid, an approved order awaits capture. */
function eventOf(body: WebhookBody, notificationId: string): Verification | null {
  const r = body.resource;
  const unit = r?.purchase_units?.[0];
  const merchantOrderNo =
    str(r?.invoice_id) ?? str(r?.custom_id) ?? str(unit?.invoice_id) ?? str(unit?.custom_id);
  const money = r?.amount ?? unit?.amount;
  const amount = minorOfDecimal(money?.value, PAYPAL_MAX);
  const type = body.event_type;
  const status =
    type === 'PAYMENT.CAPTURE.COMPLETED' && r?.status === 'COMPLETED'
      ? 'paid'
      : type === 'CHECKOUT.ORDER.APPROVED'
        ? 'approved'
        : 'other';
  if (status !== 'other' && (!merchantOrderNo || amount === null || money?.currency_code !== 'USD'))
    return null;
  return {
    ok: true,
    event: {
      notificationId,
      merchantOrderNo: merchantOrderNo ?? '',
      status,
      amount: amount ?? 0n,
      currency: 'USD',
      // the capture id: what a refund goes back through
      providerTxnId: status === 'paid' ? str(r?.id) : null,
      // the order id: what the capture of an approved order names
      orderRef: status === 'approved' ? str(r?.id) : null,
    },
  };
}
