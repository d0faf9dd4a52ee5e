import { createRoute, z } from '@hono/zod-openapi';
import { AuditEntry } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { presentAudit } from '../../http/present';
import { errors, ok } from '../../http/route-kit';
import { requireRole } from '../../platform/principal';
import { listAudit } from './audit-store';

// R40: any object's trail for staff. Partners and customers read trails on the objects they can see
// (order and request details), so scope never has to be re-derived here.
export const registerAuditRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit/{objectType}/{objectId}',
      tags: ['audit'],
      summary: 'R40 the append-only trail of any object (staff)',
      request: {
        params: z.object({ objectType: z.string().min(1).max(40), objectId: z.string().min(1).max(64) }),
      },
      responses: { 200: ok(z.object({ items: z.array(AuditEntry) })), ...errors },
    }),
    async (c) => {
      requireRole(principal(c), ['admin', 'order_desk', 'finance', 'sales', 'support'], {
        zh: '查看审计记录',
        en: 'read audit trails',
      });
      const { objectType, objectId } = c.req.valid('param');
      return c.json(
        { items: (await listAudit(deps.database.db, objectType, objectId)).map(presentAudit) },
        200,
      );
    },
  );
};
