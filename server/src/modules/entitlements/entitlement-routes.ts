import { createRoute, z } from '@hono/zod-openapi';
import { IsoDate } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { companyEntitlements, recordExternalEnd } from '.';

const tags = ['entitlements'];
const Component = z.object({
  id: z.string(),
  productId: z.string(),
  planId: z.string(),
  planCode: z.string(),
  planName: z.object({ zh: z.string(), en: z.string().nullable() }),
  planKind: z.string(),
  seats: z.number(),
  startDate: z.string(),
  endDate: z.string(),
  externalEnd: z.string().nullable(),
  version: z.number(),
});
const Event = z.object({
  id: z.string(),
  componentId: z.string(),
  kind: z.string(),
  causeType: z.string(),
  causeId: z.string(),
  seatsBefore: z.number().nullable(),
  seatsAfter: z.number().nullable(),
  endBefore: z.string().nullable(),
  endAfter: z.string().nullable(),
  at: z.string(),
});

export const registerEntitlementRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/companies/{id}/entitlements',
      tags,
      summary: 'R12 components with seats and end dates, and every change with its cause',
      request: { params: IdParam },
      responses: { 200: ok(z.object({ components: z.array(Component), events: z.array(Event) })), ...errors },
    }),
    async (c) => {
      const { components, events } = await companyEntitlements(deps, principal(c), c.req.valid('param').id);
      return c.json(
        {
          components: components.map((x) => ({
            id: x.id,
            productId: x.product_id,
            planId: x.plan_id,
            planCode: x.plan_code,
            planName: { zh: x.plan_name_zh, en: x.plan_name_en },
            planKind: x.plan_kind,
            seats: x.seats,
            startDate: x.start_date,
            endDate: x.end_date,
            externalEnd: x.external_end,
            version: x.version,
          })),
          events: events.map((e) => ({
            id: e.id,
            componentId: e.component_id,
            kind: e.kind,
            causeType: e.cause_type,
            causeId: e.cause_id,
            seatsBefore: e.seats_before,
            seatsAfter: e.seats_after,
            endBefore: e.end_before,
            endAfter: e.end_after,
            at: e.at.toISOString(),
          })),
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/components/{id}/external-end',
      tags,
      summary: 'R15 record the related external licence end date',
      request: { params: IdParam, ...jsonBody(z.object({ externalEnd: IsoDate.nullable() })) },
      responses: { 200: ok(z.object({ ok: z.boolean() })), ...errors },
    }),
    async (c) => {
      await recordExternalEnd(deps, principal(c), c.req.valid('param').id, c.req.valid('json').externalEnd);
      return c.json({ ok: true }, 200);
    },
  );
};
