import { createRoute } from '@hono/zod-openapi';
import {
  DeviceOrderSummary,
  PlaceRenewal,
  RenewalQuote,
  RenewalRequest,
} from '@kaidan/shared/contracts/renewals';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, jsonBody, ok } from '../../http/route-kit';
import { placeRenewal } from './place-renewal';
import { quoteRenewal } from './quote-renewal';
import { presentDeviceOrder, presentQuote } from './renewal-present';

const tags = ['renewals'];

// R20: the quote the customer confirms a second time, and the order it places. Paying it is the payments
// module's (POST /api/v1/device-orders/{id}/payments).
export const renewalRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/device-orders/quote',
      tags,
      summary: 'R20 quote a batch renewal: total, currency, each device’s new expiry (nothing is written)',
      request: jsonBody(RenewalRequest),
      responses: { 200: ok(RenewalQuote), ...errors },
    }),
    async (c) => c.json(presentQuote(await quoteRenewal(deps, principal(c), c.req.valid('json'))), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/device-orders',
      tags,
      summary: 'R20 confirm the quote a second time: the renewal order, awaiting payment for 30 minutes',
      request: jsonBody(PlaceRenewal),
      responses: { 201: ok(DeviceOrderSummary, 'Placed, awaiting payment'), ...errors },
    }),
    async (c) => c.json(presentDeviceOrder(await placeRenewal(deps, principal(c), c.req.valid('json'))), 201),
  );
};
