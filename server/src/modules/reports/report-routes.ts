import { createRoute } from '@hono/zod-openapi';
import { Dashboard } from '@kaidan/shared/contracts/reports';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, ok } from '../../http/route-kit';
import { viewDashboard } from '.';
import { presentDashboard } from './report-present';

export const registerReportRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/dashboard',
      tags: ['reports'],
      summary:
        'The caller’s dashboard: what waits, what expires in 30 days, wallet money per day and orders by state this month',
      responses: { 200: ok(Dashboard), ...errors },
    }),
    async (c) => c.json(presentDashboard(await viewDashboard(deps, principal(c))), 200),
  );
};
