import { createRoute } from '@hono/zod-openapi';
import { DeviceOrder, DeviceOrderPayment, PayDeviceOrder } from '@kaidan/shared/contracts/renewals';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { presentDeviceOrder, presentItem } from '../renewals/renewal-present';
import { presentAttempt } from './order-payment-routes';
import { payDeviceOrder, viewDeviceOrderPayments } from './pay-device-order';
import type { Payments } from './provider';

const tags = ['renewals'];

/** R20 step 4: a renewal order's pay screen, and paying it by balance or online. */
export const deviceOrderPaymentRoutes =
  (payments: Payments): RegisterRoutes =>
  (app, deps) => {
    const screen = async (p: ReturnType<typeof principal>, id: string) => {
      const v = await viewDeviceOrderPayments(deps, payments, p, id);
      return {
        ...presentDeviceOrder(v.order),
        offered: v.offered,
        attempts: v.attempts.map(presentAttempt),
        items: v.items.map(presentItem(v.order)),
      };
    };
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/device-orders/{id}',
        tags,
        summary:
          'R20 a renewal order: state, deadline, the methods the caller may pay it by, attempts, items',
        request: { params: IdParam },
        responses: { 200: ok(DeviceOrder), ...errors },
      }),
      async (c) => c.json(await screen(principal(c), c.req.valid('param').id), 200),
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/device-orders/{id}/payments',
        tags,
        summary:
          'R20 R28 pay a renewal order: balance (paid and delivered at once) or online (the QR code; delivered when the provider says paid)',
        request: { params: IdParam, ...jsonBody(PayDeviceOrder) },
        responses: { 201: ok(DeviceOrderPayment), ...errors },
      }),
      async (c) => {
        const p = principal(c);
        const id = c.req.valid('param').id;
        const attempt = await payDeviceOrder(deps, payments, p, id, c.req.valid('json').method);
        return c.json({ order: await screen(p, id), attempt: attempt ? presentAttempt(attempt) : null }, 201);
      },
    );
  };
