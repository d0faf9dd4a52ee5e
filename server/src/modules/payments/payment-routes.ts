import { createRoute, z } from '@hono/zod-openapi';
import { Amount, Cursor, IsoDate, page, sortOf } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { iso, money, pagedBy } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { AppError } from '../../platform/errors';
import type { AttemptRow } from './payment-store';
import type { Payments } from './provider';
import { receiveNotification } from './receive-notification';
import { startOnlineTopup } from './start-online-topup';
import { getAttempt, listOnlineTopups } from './view-attempts';

const tags = ['payments'];
const STATES = ['pending', 'paid', 'closed', 'failed'] as const;

export const PaymentAttempt = z.object({
  id: z.string(),
  purpose: z.enum(['topup', 'order', 'device_order']),
  orderId: z.string().nullable().describe('the order this attempt pays (purpose order, R29)'),
  deviceOrderId: z
    .string()
    .nullable()
    .describe('the renewal order this attempt pays (purpose device_order, R20)'),
  ownerType: z.enum(['partner', 'company']),
  ownerId: z.string(),
  provider: z.string(),
  merchantOrderNo: z.string(),
  amount: Amount,
  currency: z.string(),
  state: z.enum(STATES).describe('pending until paid; closed = abandoned (not paid by its expiry)'),
  codeUrl: z.string().nullable().describe('WeChat Pay Native code_url, shown as a QR code'),
  providerTxnId: z.string().nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  paidAt: z.string().nullable(),
  closedAt: z.string().nullable(),
});
const present = (a: AttemptRow): z.infer<typeof PaymentAttempt> => ({
  id: a.id,
  purpose: a.purpose,
  orderId: a.order_id,
  deviceOrderId: a.device_order_id,
  ownerType: a.owner_type,
  ownerId: a.owner_id,
  provider: a.provider,
  merchantOrderNo: a.merchant_order_no,
  amount: money(a.amount, a.currency),
  currency: a.currency,
  state: a.state,
  codeUrl: a.code_url,
  providerTxnId: a.provider_txn_id,
  createdAt: a.created_at.toISOString(),
  expiresAt: a.expires_at.toISOString(),
  paidAt: iso(a.paid_at),
  closedAt: iso(a.closed_at),
});
const StartTopup = z.object({
  amount: Amount.describe('e.g. "100.00": in CNY, or in USD when the provider is paypal (R28)'),
  provider: z
    .enum(['sandbox', 'wechatpay', 'alipay', 'paypal'])
    .optional()
    .describe('one this server offers for your currency; by default the first of them'),
});
const TopupQuery = Cursor.extend({
  state: z.enum(STATES).optional(),
  q: z.string().trim().max(100).optional().describe('merchant order number or provider transaction id'),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: sortOf(['created', 'amount'], '-created'),
});
const ProviderParam = z.object({ provider: z.string().min(1).max(32) });

/** The payments API with the providers this server runs (main.ts reads them from the environment). */
export const paymentRoutes =
  (payments: Payments): RegisterRoutes =>
  (app, deps) => {
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/payments/topups',
        tags,
        summary: 'R25 online: top up your own wallet; answers the attempt with its QR code url',
        request: jsonBody(StartTopup),
        responses: { 201: ok(PaymentAttempt, 'Attempt started'), ...errors },
      }),
      async (c) => {
        const a = await startOnlineTopup(deps, payments, principal(c), c.req.valid('json'));
        return c.json(present(a), 201);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/payments/topups',
        tags,
        summary: 'R26 online top-ups (pending, paid, abandoned) with state, date and number filters',
        request: { query: TopupQuery },
        responses: { 200: ok(page(PaymentAttempt)), ...errors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const rows = await listOnlineTopups(deps, principal(c), { ...q, limit: q.limit + 1 });
        return c.json(pagedBy(rows, q.limit, present), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/payments/attempts/{id}',
        tags,
        summary: 'A payment attempt and its state',
        request: { params: IdParam },
        responses: { 200: ok(PaymentAttempt), ...errors },
      }),
      async (c) => c.json(present(await getAttempt(deps, principal(c), c.req.valid('param').id)), 200),
    );
    if (payments.providers.size > 0) {
      app.openapi(
        createRoute({
          method: 'post',
          path: '/api/v1/payments/notify/{provider}',
          tags,
          summary:
            'Provider notifications (public): verified on the raw body and headers, stored once, answered as the provider expects',
          request: { params: ProviderParam },
          responses: {
            200: {
              description: 'Answer in the provider’s form: JSON, or Alipay’s plain text `success`',
              content: {
                'application/json': { schema: z.record(z.string(), z.string()) },
                'text/plain': { schema: z.string() },
              },
            },
            204: { description: 'Accepted (WeChat Pay form)' },
            400: ok(z.record(z.string(), z.string()), 'Refused; the provider retries'),
            404: errors[404],
          },
        }),
        async (c) => {
          const raw = {
            body: await c.req.text(),
            header: (name: string) => c.req.header(name),
            headers: c.req.header(),
          };
          const got = await receiveNotification(deps, payments, c.req.valid('param').provider, raw);
          if (!got) throw new AppError({ status: 404, code: 'NOT_FOUND', message: NO_PROVIDER });
          const { status, body } = got.answer;
          if (status === 204) return c.body(null, 204);
          // Alipay reads the plain text `success` (else `fail`, and it redelivers)
          if (typeof body === 'string') return c.text(body, status === 200 ? 200 : 400);
          return c.json(body ?? {}, status === 200 ? 200 : 400);
        },
      );
    }
    const sandbox = payments.sandbox;
    if (sandbox) {
      app.openapi(
        createRoute({
          method: 'post',
          path: '/api/v1/sandbox/payments/{id}/pay',
          tags,
          summary:
            'Sandbox only: pay an attempt as the payer would; the sandbox then sends the signed notification to this server',
          request: { params: IdParam },
          responses: { 202: ok(PaymentAttempt, 'Paid in the sandbox; the notification follows'), ...errors },
        }),
        async (c) => {
          const a = await getAttempt(deps, principal(c), c.req.valid('param').id);
          if (a.provider !== 'sandbox' || a.state !== 'pending')
            throw new AppError({
              status: 409,
              code: 'ATTEMPT_NOT_PAYABLE',
              message: {
                zh: '该支付记录不是待支付的沙箱支付',
                en: 'This attempt is not a pending sandbox payment',
              },
              details: { state: a.state, provider: a.provider },
            });
          sandbox.pay(a.merchant_order_no);
          return c.json(present(a), 202);
        },
      );
    }
  };

const NO_PROVIDER = { zh: '未配置该支付渠道', en: 'No such payment provider is configured' };
