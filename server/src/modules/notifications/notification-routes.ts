import { createRoute, z } from '@hono/zod-openapi';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { iso } from '../../http/present';
import { errors, IdParam, ok } from '../../http/route-kit';
import { notFound } from '../../platform/errors';
import { markRead, notificationsOf } from '.';

const tags = ['notifications'];
const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  refType: z.string(),
  refId: z.string(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});

export const registerNotificationRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications',
      tags,
      summary: 'R4 my in-app notifications, newest first',
      responses: { 200: ok(z.object({ items: z.array(Notification) })), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const rows = p.userId ? await notificationsOf(deps.database.db, p.userId) : [];
      return c.json(
        {
          items: rows.map((n) => ({
            id: n.id,
            kind: n.kind,
            title: { zh: n.title_zh, en: n.title_en },
            refType: n.ref_type,
            refId: n.ref_id,
            readAt: iso(n.read_at),
            createdAt: n.created_at.toISOString(),
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/notifications/{id}/read',
      tags,
      summary: 'Mark a notification read',
      request: { params: IdParam },
      responses: { 200: ok(z.object({ ok: z.boolean() })), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const found =
        p.userId !== null &&
        (await markRead(deps.database.db, deps.clock, p.userId, c.req.valid('param').id));
      if (!found) throw notFound({ zh: '通知', en: 'Notification' });
      return c.json({ ok: true }, 200);
    },
  );
};
