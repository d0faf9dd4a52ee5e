import { createRoute, z } from '@hono/zod-openapi';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { iso, money } from '../../http/present';
import { errors, ok } from '../../http/route-kit';
import { listRefundableOrders } from './list-refundable-orders';

const RefundableOrder = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  currency: z.enum(['CNY', 'USD']),
  total: z.string(),
  paidAt: z.string().nullable(),
  /** the last business date (Asia/Shanghai) on which the refund may be requested */
  refundableUntil: z.string(),
});

/** R33: the customer's side of refunds; filing and preview are the shared /api/v1/refunds routes. */
export const registerSelfServiceRefundRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/refunds/self-service',
      tags: ['requests'],
      summary:
        'R33 the customer’s own self-service orders it may still ask a refund of (7 days from payment, no invoice)',
      responses: { 200: ok(z.object({ items: z.array(RefundableOrder) })), ...errors },
    }),
    async (c) => {
      const rows = await listRefundableOrders(deps, principal(c));
      return c.json(
        {
          items: rows.map((o) => ({
            id: o.id,
            number: o.number,
            companyId: o.company_id,
            companyName: o.company_name,
            currency: o.currency,
            total: money(o.total, o.currency),
            paidAt: iso(o.paid_at),
            refundableUntil: o.until.toString(),
          })),
        },
        200,
      );
    },
  );
};
