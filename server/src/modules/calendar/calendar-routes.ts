import { createRoute } from '@hono/zod-openapi';
import {
  CalendarDayParam,
  CalendarOverride,
  CalendarOverrideInput,
  CalendarYear,
  CalendarYearQuery,
} from '@kaidan/shared/contracts/calendar';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, jsonBody, ok } from '../../http/route-kit';
import { listCalendarOverrides, removeCalendarOverride, setCalendarOverride } from '.';
import type { OverrideRow } from './calendar-store';

const tags = ['calendar'];
const present = (o: OverrideRow) => ({
  day: o.day,
  kind: o.kind,
  note: o.note,
  updatedBy: o.updated_by,
  updatedByName: o.updated_by_name,
  updatedAt: o.updated_at.toISOString(),
});

// R34 (issue #12): the business calendar's overrides, admins only (ADR 0017).
export const registerCalendarRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/calendar/overrides',
      tags,
      summary: 'R34 a year of business-calendar overrides, and whether chinese-days covers the year (admin)',
      request: { query: CalendarYearQuery },
      responses: { 200: ok(CalendarYear), ...errors },
    }),
    async (c) => {
      const y = await listCalendarOverrides(deps, principal(c), c.req.valid('query').year);
      return c.json({ year: y.year, covered: y.covered, items: y.items.map(present) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/calendar/overrides/{day}',
      tags,
      summary: 'R34 declare a day a workday or a holiday, before chinese-days (admin)',
      request: { params: CalendarDayParam, ...jsonBody(CalendarOverrideInput) },
      responses: { 200: ok(CalendarOverride), ...errors },
    }),
    async (c) => {
      const { day } = c.req.valid('param');
      const body = c.req.valid('json');
      return c.json(present(await setCalendarOverride(deps, principal(c), { day, ...body })), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/calendar/overrides/{day}',
      tags,
      summary: 'R34 take an override back: the day is chinese-days’ again (admin)',
      request: { params: CalendarDayParam },
      responses: { 204: { description: 'Removed' }, ...errors },
    }),
    async (c) => {
      await removeCalendarOverride(deps, principal(c), c.req.valid('param').day);
      return c.body(null, 204);
    },
  );
};
