import { createSign, type KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { crc32 } from 'node:zlib';
import type { Clock } from '../../../platform/clock';
import { minorOfDecimal, PAYPAL_MAX } from '../money-edge';
import {
  type FakeAnswer,
  type FakeRequest,
  type FakeServer,
  fakeServer,
  type TestCert,
} from '../testing/fake-kit';

// A local PayPal REST API (tests only), over node:http: OAuth client-credentials tokens (Basic auth with
// our client id and secret), Orders v2 create / get / capture, Payments v2 refund / get refund, each
// write idempotent on PayPal-Request-Id as PayPal's is, and its webhook signing certificate at a cert URL.
// Webhooks are signed as PayPal signs them: SHA256withRSA over
// "transmission_id|transmission_time|webhook_id|crc32(body)" with the certificate's key.

export interface PaypalFakeOptions {
  clientId: string;
  clientSecret: string;
  webhookId: string;
  /** where webhooks go (our notify endpoint) */
  webhookUrl: string;
  cert: TestCert;
}

interface Money {
  currency_code: string;
  value: string;
}
interface FakeOrder {
  id: string;
  status: 'CREATED' | 'APPROVED' | 'COMPLETED';
  unit: { reference_id: string; invoice_id: string; custom_id: string; amount: Money };
  captures: {
    id: string;
    status: 'COMPLETED';
    amount: Money;
    invoice_id: string;
    custom_id: string;
    create_time: string;
  }[];
  refunds: {
    id: string;
    status: 'COMPLETED';
    amount: Money;
    invoice_id: string;
    create_time: string;
    update_time: string;
  }[];
}

export interface SignedWebhook {
  headers: Record<string, string>;
  body: string;
}

export interface PaypalFake extends FakeServer {
  orders: Map<string, FakeOrder>;
  certUrl: string;
  /** the payer approves at PayPal; CHECKOUT.ORDER.APPROVED follows (the answer is returned) */
  approve(orderId: string): Promise<number>;
  webhook(
    eventType: string,
    resource: object,
    o?: { at?: string; key?: KeyObject; certUrl?: string; webhookId?: string },
  ): SignedWebhook;
  deliver(w: SignedWebhook): Promise<number>;
  orderJson(o: FakeOrder): object;
  /** answers to the webhooks sent after captures, in order */
  delivered: number[];
  idle(): Promise<void>;
}

export async function paypalFake(o: PaypalFakeOptions, clock: Clock): Promise<PaypalFake> {
  const orders = new Map<string, FakeOrder>();
  const byRequestId = new Map<string, string>();
  const refundsByRequestId = new Map<string, FakeOrder['refunds'][number]>();
  const tokens = new Set<string>();
  const delivered: number[] = [];
  const inFlight = new Set<Promise<unknown>>();
  let base = '';
  const id17 = () => randomBytes(9).toString('hex').toUpperCase().slice(0, 17);
  const json = (status: number, data: object): FakeAnswer => ({
    status,
    headers: { 'content-type': 'application/json', 'paypal-debug-id': randomBytes(6).toString('hex') },
    body: JSON.stringify(data),
  });
  const issue = (status: number, name: string, issueName: string) =>
    json(status, { name, message: issueName, details: [{ issue: issueName, description: issueName }] });
  const orderJson = (ord: FakeOrder) => ({
    id: ord.id,
    intent: 'CAPTURE',
    status: ord.status,
    purchase_units: [
      {
        ...ord.unit,
        ...(ord.captures.length > 0 ? { payments: { captures: ord.captures, refunds: ord.refunds } } : {}),
      },
    ],
    links: [
      { href: `${base}/v2/checkout/orders/${ord.id}`, rel: 'self', method: 'GET' },
      { href: `https://www.sandbox.paypal.com/checkoutnow?token=${ord.id}`, rel: 'approve', method: 'GET' },
    ],
  });
  const now = () => clock.now().toString({ smallestUnit: 'second' });
  const certPath = `/v1/notifications/certs/CERT-360caa42-fca2a594-${randomBytes(4).toString('hex')}`;

  const webhook: PaypalFake['webhook'] = (eventType, resource, w = {}) => {
    const body = JSON.stringify({
      id: `WH-${id17()}-${id17()}`,
      event_version: '1.0',
      create_time: now(),
      resource_type: eventType.startsWith('CHECKOUT') ? 'checkout-order' : 'capture',
      event_type: eventType,
      summary: eventType,
      resource,
    });
    const transmissionId = randomUUID();
    const at = w.at ?? now();
    const message = `${transmissionId}|${at}|${w.webhookId ?? o.webhookId}|${crc32(Buffer.from(body, 'utf8')) >>> 0}`;
    return {
      headers: {
        'paypal-transmission-id': transmissionId,
        'paypal-transmission-time': at,
        'paypal-transmission-sig': createSign('RSA-SHA256')
          .update(message)
          .sign(w.key ?? o.cert.privateKey, 'base64'),
        'paypal-cert-url': w.certUrl ?? `${base}${certPath}`,
        'paypal-auth-algo': 'SHA256withRSA',
      },
      body,
    };
  };
  const deliver = async (w: SignedWebhook) => {
    const res = await fetch(o.webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...w.headers },
      body: w.body,
    });
    await res.arrayBuffer();
    return res.status;
  };

  const handle = (req: FakeRequest): FakeAnswer => {
    const path = new URL(req.url, 'http://paypal.local').pathname;
    if (req.method === 'GET' && path === certPath)
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: o.cert.certPem };
    if (req.method === 'POST' && path === '/v1/oauth2/token') {
      const basic = `Basic ${Buffer.from(`${o.clientId}:${o.clientSecret}`).toString('base64')}`;
      if (req.headers.authorization !== basic || !req.body.includes('grant_type=client_credentials'))
        return json(401, { error: 'invalid_client', error_description: 'Client Authentication failed' });
      const token = `A21AA${randomBytes(24).toString('hex')}`;
      tokens.add(token);
      return json(200, {
        scope: 'https://uri.paypal.com/services/payments/payment',
        access_token: token,
        token_type: 'Bearer',
        app_id: 'APP-80W284485P519543T',
        expires_in: 32400,
        nonce: now(),
      });
    }
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    if (!bearer || !tokens.has(bearer))
      return json(401, { error: 'invalid_token', error_description: 'Token signature verification failed' });
    const requestId = String(req.headers['paypal-request-id'] ?? '');
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    if (req.method === 'POST' && path === '/v2/checkout/orders') {
      const known = byRequestId.get(requestId);
      const seen = known ? orders.get(known) : undefined;
      if (seen) return json(200, orderJson(seen));
      const unit = (body.purchase_units as FakeOrder['unit'][] | undefined)?.[0];
      if (
        body.intent !== 'CAPTURE' ||
        !unit ||
        unit.amount.currency_code !== 'USD' ||
        minorOfDecimal(unit.amount.value, PAYPAL_MAX) === null
      )
        return issue(422, 'UNPROCESSABLE_ENTITY', 'INVALID_PARAMETER_VALUE');
      const ord: FakeOrder = { id: id17(), status: 'CREATED', unit, captures: [], refunds: [] };
      orders.set(ord.id, ord);
      if (requestId) byRequestId.set(requestId, ord.id);
      return json(201, orderJson(ord));
    }
    const m = /^\/v2\/checkout\/orders\/([^/]+)(\/capture)?$/.exec(path);
    if (m) {
      const ord = orders.get(m[1] ?? '');
      if (!ord) return issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      if (!m[2]) return json(200, orderJson(ord));
      if (ord.status === 'COMPLETED') return issue(422, 'UNPROCESSABLE_ENTITY', 'ORDER_ALREADY_CAPTURED');
      if (ord.status !== 'APPROVED') return issue(422, 'UNPROCESSABLE_ENTITY', 'ORDER_NOT_APPROVED');
      ord.status = 'COMPLETED';
      const capture = {
        id: id17(),
        status: 'COMPLETED' as const,
        amount: ord.unit.amount,
        invoice_id: ord.unit.invoice_id,
        custom_id: ord.unit.custom_id,
        create_time: now(),
      };
      ord.captures.push(capture);
      // PayPal then notifies the completed capture, asynchronously
      const sent = deliver(
        webhook('PAYMENT.CAPTURE.COMPLETED', {
          ...capture,
          supplementary_data: { related_ids: { order_id: ord.id } },
        }),
      ).then(
        (s) => delivered.push(s),
        () => delivered.push(0),
      );
      inFlight.add(sent);
      void sent.finally(() => inFlight.delete(sent));
      return json(201, orderJson(ord));
    }
    const rf = /^\/v2\/payments\/captures\/([^/]+)\/refund$/.exec(path);
    if (req.method === 'POST' && rf) {
      const repeat = refundsByRequestId.get(requestId);
      if (repeat) return json(200, repeat);
      const ord = [...orders.values()].find((x) => x.captures.some((c) => c.id === rf[1]));
      if (!ord) return issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
      const amount = body.amount as Money;
      const want = minorOfDecimal(amount?.value, PAYPAL_MAX);
      const paid = minorOfDecimal(ord.unit.amount.value, PAYPAL_MAX) ?? 0n;
      const done = ord.refunds.reduce((s, r) => s + (minorOfDecimal(r.amount.value, PAYPAL_MAX) ?? 0n), 0n);
      if (want === null || done + want > paid)
        return issue(422, 'UNPROCESSABLE_ENTITY', 'REFUND_AMOUNT_EXCEEDED');
      const refund = {
        id: id17(),
        status: 'COMPLETED' as const,
        amount,
        invoice_id: String(body.invoice_id ?? ''),
        create_time: now(),
        update_time: now(),
      };
      ord.refunds.push(refund);
      refundsByRequestId.set(requestId, refund);
      return json(201, refund);
    }
    const gr = /^\/v2\/payments\/refunds\/([^/]+)$/.exec(path);
    if (gr) {
      const refund = [...orders.values()].flatMap((x) => x.refunds).find((r) => r.id === gr[1]);
      return refund ? json(200, refund) : issue(404, 'RESOURCE_NOT_FOUND', 'INVALID_RESOURCE_ID');
    }
    return issue(404, 'NOT_FOUND', path);
  };

  const server = await fakeServer(handle);
  base = server.base;
  return Object.assign(server, {
    orders,
    certUrl: `${base}${certPath}`,
    webhook,
    deliver,
    orderJson,
    delivered,
    idle: async () => {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    approve: async (orderId: string) => {
      const ord = orders.get(orderId);
      if (!ord) throw new Error(`paypal fake: no order ${orderId}`);
      ord.status = 'APPROVED';
      return deliver(webhook('CHECKOUT.ORDER.APPROVED', orderJson(ord)));
    },
  });
}
