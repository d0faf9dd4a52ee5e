import { createRoute } from '@hono/zod-openapi';
import type { Currency } from '@kaidan/shared';
import { RefundPreview, RefundPreviewInput } from '@kaidan/shared/contracts/requests';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { money } from '../../http/present';
import { errors, jsonBody, ok } from '../../http/route-kit';
import type { Payments } from '../payments';
import { isFileable } from './evaluate-refund';
import { previewRefund } from './preview-refund';
import { windowsOf } from './refund-windows';
import { registerSelfServiceRefundRoutes } from './self-service-refund-routes';

/**
 * The refunds API: the policy preview of a draft (partners, customers, staff) and the customer's
 * refundable orders (R33). Filing is a request (`POST /api/v1/refunds`, requests module); the refund's
 * execution per payment shows on the request detail (`refundPayments`).
 */
export const refundRoutes =
  (payments: Payments): RegisterRoutes =>
  (app, deps) => {
    registerSelfServiceRefundRoutes(app, deps);
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/refunds/preview',
        tags: ['requests'],
        summary:
          'R30/R32/R33/R35 the refund policy on a draft: per line the refundable amount or the refusals',
        request: jsonBody(RefundPreviewInput),
        responses: { 200: ok(RefundPreview), ...errors },
      }),
      async (c) => {
        const ev = await previewRefund(deps, principal(c), c.req.valid('json'), windowsOf(payments));
        const cur: Currency = ev.orders[0]?.order.currency ?? 'CNY';
        const ok = ev.lines.filter((l) => l.verdict.amount > 0n);
        const name = (planId: string) => {
          const n = ev.names.get(planId);
          return n ? { planName: { zh: n.plan_name_zh, en: n.plan_name_en } } : {};
        };
        return c.json(
          {
            currency: ev.orders[0]?.order.currency ?? null,
            total: money(
              ok.reduce((s, l) => s + l.verdict.amount, 0n),
              cur,
            ),
            lines: ok.map(({ order, line, verdict }) => ({
              orderId: order.id,
              orderNumber: order.number,
              orderLineId: line.id,
              lineNo: line.line_no,
              planId: line.plan_id,
              ...name(line.plan_id),
              mode: c.req.valid('json').mode,
              amount: money(verdict.amount, cur),
            })),
            policy: {
              fileable: isFileable(ev),
              orders: ev.orders.map((o) => ({
                orderId: o.order.id,
                orderNumber: o.order.number,
                refusals: o.refusals,
                allocations: o.allocations.map((a) => ({ channel: a.channel, amount: money(a.amount, cur) })),
              })),
              lines: ev.lines.map(({ order, line, verdict }) => ({
                orderId: order.id,
                orderNumber: order.number,
                orderLineId: line.id,
                lineNo: line.line_no,
                ...name(line.plan_id),
                paid: money(line.amount, cur),
                alreadyRefunded: money(line.refunded, cur),
                refundable: money(verdict.amount, cur),
                refusals: verdict.refusals,
              })),
            },
          },
          200,
        );
      },
    );
  };
