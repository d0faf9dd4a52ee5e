import { createRoute, z } from '@hono/zod-openapi';
import {
  DecideOfflinePayment,
  OrderPaymentAttempt,
  OrderPaymentState,
  OrderPayments,
  StartOrderPayment,
} from '@kaidan/shared/contracts/order-payments';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { iso, money } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { decideOfflinePayment } from './decide-offline-payment';
import type { AttemptRow } from './payment-store';
import type { Payments } from './provider';
import { startOrderPayment } from './start-order-payment';
import { listOfflinePayments, viewOrderPayments } from './view-order-payments';

const tags = ['payments'];

export const presentAttempt = (a: AttemptRow): z.infer<typeof OrderPaymentAttempt> => ({
  id: a.id,
  orderId: a.order_id,
  provider: a.provider,
  merchantOrderNo: a.merchant_order_no,
  amount: money(a.amount, a.currency),
  currency: a.currency,
  state: a.state,
  codeUrl: a.code_url,
  bankReference: a.bank_reference,
  evidenceNote: a.evidence_note,
  createdBy: a.created_by,
  decidedBy: a.decided_by,
  decisionComment: a.decision_comment,
  createdAt: a.created_at.toISOString(),
  expiresAt: a.expires_at.toISOString(),
  paidAt: iso(a.paid_at),
  closedAt: iso(a.closed_at),
});

const decide = (verb: 'confirm' | 'decline', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/v1/payments/attempts/{id}/${verb}`,
    tags,
    summary,
    request: { params: IdParam, ...jsonBody(DecideOfflinePayment) },
    responses: { 200: ok(OrderPaymentAttempt), ...errors },
  });

/** R28, R29 order payment (ADR 0020): the pay screen, starting a payment, finance's transfer decisions. */
export const orderPaymentRoutes =
  (payments: Payments): RegisterRoutes =>
  (app, deps) => {
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/orders/{id}/payments',
        tags,
        summary: 'R28 R29 the pay screen: deadline, the methods offered to the caller now, the attempts',
        request: { params: IdParam },
        responses: { 200: ok(OrderPayments), ...errors },
      }),
      async (c) => {
        const v = await viewOrderPayments(deps, payments, principal(c), c.req.valid('param').id);
        const o = v.order;
        return c.json(
          {
            orderId: o.id,
            number: o.number,
            state: o.state,
            total: money(o.total, o.currency),
            currency: o.currency,
            paymentMethod: o.payment_method,
            paymentDueAt: iso(o.payment_due_at),
            offered: v.offered,
            attempts: v.attempts.map(presentAttempt),
          },
          200,
        );
      },
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/orders/{id}/payments',
        tags,
        summary:
          'R29 pay an order awaiting payment: online (QR code url) by the customer, or record a bank transfer (customer or sales) for finance to confirm',
        request: { params: IdParam, ...jsonBody(StartOrderPayment) },
        responses: { 201: ok(OrderPaymentAttempt, 'Attempt started or transfer recorded'), ...errors },
      }),
      async (c) => {
        const a = await startOrderPayment(
          deps,
          payments,
          principal(c),
          c.req.valid('param').id,
          c.req.valid('json'),
        );
        return c.json(presentAttempt(a), 201);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/payments/offline',
        tags,
        summary: 'R29 bank transfers recorded for orders, for finance (pending first)',
        request: { query: z.object({ state: OrderPaymentState.optional() }) },
        responses: { 200: ok(z.object({ items: z.array(OrderPaymentAttempt) })), ...errors },
      }),
      async (c) => {
        const rows = await listOfflinePayments(deps, principal(c), c.req.valid('query').state);
        return c.json({ items: rows.map(presentAttempt) }, 200);
      },
    );
    app.openapi(
      decide(
        'confirm',
        'R29 finance confirms a recorded bank transfer (never its recorder): the order is paid',
      ),
      async (c) => {
        const { id } = c.req.valid('param');
        const a = await decideOfflinePayment(deps, principal(c), id, 'confirm', c.req.valid('json').comment);
        return c.json(presentAttempt(a), 200);
      },
    );
    app.openapi(
      decide('decline', 'R29 finance declines a recorded bank transfer with a comment (payment.failed)'),
      async (c) => {
        const { id } = c.req.valid('param');
        const a = await decideOfflinePayment(deps, principal(c), id, 'decline', c.req.valid('json').comment);
        return c.json(presentAttempt(a), 200);
      },
    );
  };
