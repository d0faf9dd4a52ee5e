import { createRoute, z } from '@hono/zod-openapi';
import { LIST_SORTS, ListQuery, page, sortOf } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { iso, pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, ok } from '../../http/route-kit';
import { notFound } from '../../platform/errors';
import { listNotifications, markRead, type NotificationRow } from '.';

const tags = ['notifications'];
const Notification = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.object({ zh: z.string(), en: z.string() }),
  refType: z.string(),
  refId: z.string(),
  /** the number of the order or request it is about */
  refNumber: z.string().nullable(),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
const InboxQuery = ListQuery.extend({
  unread: z.enum(['true', 'false']).optional().describe('only unread ones when true'),
  kind: z.string().max(40).optional(),
  sort: sortOf(LIST_SORTS.notifications, '-created'),
});
const present = (n: NotificationRow) => ({
  id: n.id,
  kind: n.kind,
  title: { zh: n.title_zh, en: n.title_en },
  refType: n.ref_type,
  refId: n.ref_id,
  refNumber: n.ref_number ?? null,
  readAt: iso(n.read_at),
  createdAt: n.created_at.toISOString(),
});

export const registerNotificationRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications',
      tags,
      summary: 'R4 my in-app notifications: unread, kind, dates, text search, keyset cursor',
      request: { query: InboxQuery },
      responses: { 200: ok(page(Notification)), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const q = c.req.valid('query');
      const f = { ...q, unread: q.unread === 'true', limit: q.limit + 1 };
      const rows = p.userId ? await listNotifications(deps.database.db, p.userId, f) : [];
      return c.json(pagedBy(rows, q.limit, present), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/notifications/export',
      tags,
      summary: 'R39 my filtered notifications as CSV or XLSX (up to 10,000 rows)',
      request: { query: InboxQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const p = principal(c);
      const { format, ...q } = c.req.valid('query');
      const f = { ...q, unread: q.unread === 'true', limit: 10_000 };
      const rows = p.userId ? await listNotifications(deps.database.db, p.userId, f) : [];
      const header = [
        '时间 at',
        '类型 kind',
        '标题 title',
        'title',
        '关联 ref type',
        '关联号 ref',
        '编号 number',
        '已读 read',
      ];
      const body = rows.map((n) => [
        n.created_at.toISOString(),
        n.kind,
        n.title_zh,
        n.title_en,
        n.ref_type,
        n.ref_id,
        n.ref_number ?? '',
        iso(n.read_at),
      ]);
      return exportResponse(
        `notifications-${deps.clock.now().toString().slice(0, 10)}`,
        format,
        header,
        body,
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
