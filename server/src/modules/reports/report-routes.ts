import { createRoute, z } from '@hono/zod-openapi';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { money } from '../../http/present';
import { errors, ok } from '../../http/route-kit';
import { viewDashboard } from '.';

const DashboardBody = z.object({
  waiting: z.object({
    ordersToReview: z.number(),
    requestsToDecide: z.number(),
    myOpenRequests: z.number(),
    myReturnedRequests: z.number(),
    overdue: z.number(),
  }),
  expiringSoon: z.array(
    z.object({
      companyId: z.string(),
      companyName: z.string(),
      tenantId: z.string().nullable(),
      planName: z.string(),
      seats: z.number(),
      endDate: z.string(),
    }),
  ),
  money: z.array(z.object({ currency: z.enum(['CNY', 'USD']), kind: z.string(), amount: z.string() })),
  monthStart: z.string(),
});

export const registerReportRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/dashboard',
      tags: ['reports'],
      summary: 'What waits for me, what expires in 30 days, wallet money this month',
      responses: { 200: ok(DashboardBody), ...errors },
    }),
    async (c) => {
      const d = await viewDashboard(deps, principal(c));
      const w = d.waiting;
      return c.json(
        {
          waiting: {
            ordersToReview: Number(w.orders_to_review),
            requestsToDecide: Number(w.requests_to_decide),
            myOpenRequests: Number(w.my_open_requests),
            myReturnedRequests: Number(w.my_returned_requests),
            overdue: Number(w.overdue),
          },
          expiringSoon: d.expiringSoon.map((e) => ({
            companyId: e.company_id,
            companyName: e.company_name,
            tenantId: e.tenant_id,
            planName: e.plan_name,
            seats: e.seats,
            endDate: e.end_date,
          })),
          money: d.money.map((m) => ({
            currency: m.currency,
            kind: m.kind,
            amount: money(m.amount, m.currency),
          })),
          monthStart: d.monthStart,
        },
        200,
      );
    },
  );
};
