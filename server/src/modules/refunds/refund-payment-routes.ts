import { createRoute } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import { RefundChannel, RefundPaymentQuery, RefundPaymentRecord } from '@kaidan/shared/contracts/refunds';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { money, pagedBy } from '../../http/present';
import { errors, ok } from '../../http/route-kit';
import type { RefundPaymentListRow } from './refund-payments-store';
import { viewRefundPayments } from './view-refund-payments';

const tags = ['Refunds'];

const present = (r: RefundPaymentListRow) => ({
  id: r.id,
  orderId: r.order_id,
  channel: RefundChannel.parse(r.channel),
  refundNo: r.refund_no,
  amount: money(r.amount, r.currency),
  currency: r.currency,
  state: r.state,
  providerRefundId: r.provider_refund_id,
  failure: r.failure,
  createdAt: r.created_at.toISOString(),
  arrivedAt: r.arrived_at?.toISOString() ?? null,
  requestId: r.request_id,
  requestNumber: r.request_number,
  merchantOrderNo: r.merchant_order_no,
  late: r.request_id === null,
});

export const registerRefundPaymentRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/refund-payments',
      tags,
      summary:
        'R35 R29 every refund payment (finance): on its way, arrived, failed and still owed, late money',
      request: { query: RefundPaymentQuery },
      responses: { 200: ok(page(RefundPaymentRecord)), ...errors },
    }),
    async (c) => {
      const { limit, late, ...q } = c.req.valid('query');
      const rows = await viewRefundPayments(deps, principal(c), {
        ...q,
        late: late === undefined ? undefined : late === 'true',
        limit: limit + 1,
      });
      return c.json(pagedBy(rows, limit, present), 200);
    },
  );
};
