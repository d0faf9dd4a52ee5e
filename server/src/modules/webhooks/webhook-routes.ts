import { createRoute, z } from '@hono/zod-openapi';
import {
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookEndpoint,
  WebhookEndpointInput,
  WebhookEndpointList,
  WebhookEndpointPatch,
  WebhookEndpointWithSecret,
} from '@kaidan/shared/contracts/webhooks';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  deleteWebhookEndpoint,
  getWebhookDelivery,
  getWebhookEndpoint,
  listEndpointDeliveries,
  listWebhookEndpoints,
  registerEndpoint,
  replayDelivery,
  rotateEndpointSecret,
  updateWebhookEndpoint,
} from '.';

// Issue #12: /api/v1/webhooks/… — admins (every endpoint, vendor-wide ones) and partner agents (their
// own partner's). docs/webhooks.md describes what a receiver gets.
const tags = ['webhooks'];
const base = '/api/v1/webhooks/endpoints';

export const registerWebhookRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: base,
      tags,
      summary: 'Webhook endpoints in scope (admin: all; partner agent: its own partner’s)',
      responses: { 200: ok(WebhookEndpointList), ...errors },
    }),
    async (c) => c.json({ items: await listWebhookEndpoints(deps, principal(c)) }, 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: base,
      tags,
      summary: 'Register an endpoint; the answer carries its `whsec_` signing secret once',
      request: jsonBody(WebhookEndpointInput),
      responses: { 201: ok(WebhookEndpointWithSecret, 'Created'), ...errors },
    }),
    async (c) => c.json(await registerEndpoint(deps, principal(c), c.req.valid('json')), 201),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}`,
      tags,
      summary: 'One webhook endpoint (without its secret)',
      request: { params: IdParam },
      responses: { 200: ok(WebhookEndpoint), ...errors },
    }),
    async (c) => c.json(await getWebhookEndpoint(deps, principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: `${base}/{id}`,
      tags,
      summary: 'Change url, events, description or enabled (with the version read)',
      request: { params: IdParam, ...jsonBody(WebhookEndpointPatch) },
      responses: { 200: ok(WebhookEndpoint), ...errors },
    }),
    async (c) =>
      c.json(
        await updateWebhookEndpoint(deps, principal(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: `${base}/{id}`,
      tags,
      summary: 'Remove an endpoint with its delivery log',
      request: { params: IdParam },
      responses: { 200: ok(z.object({ ok: z.boolean() })), ...errors },
    }),
    async (c) => {
      await deleteWebhookEndpoint(deps, principal(c), c.req.valid('param').id);
      return c.json({ ok: true }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: `${base}/{id}/rotate-secret`,
      tags,
      summary: 'A new signing secret, answered once; the old one stops at once',
      request: { params: IdParam },
      responses: { 200: ok(WebhookEndpointWithSecret), ...errors },
    }),
    async (c) => c.json(await rotateEndpointSecret(deps, principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: `${base}/{id}/deliveries`,
      tags,
      summary: 'The endpoint’s delivery log, newest first (keyset cursor)',
      request: { params: IdParam, query: WebhookDeliveryQuery },
      responses: { 200: ok(WebhookDeliveryPage), ...errors },
    }),
    async (c) =>
      c.json(
        await listEndpointDeliveries(deps, principal(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/webhooks/deliveries/{id}',
      tags,
      summary: 'One delivery with its payload and every attempt',
      request: { params: IdParam },
      responses: { 200: ok(WebhookDeliveryDetail), ...errors },
    }),
    async (c) => c.json(await getWebhookDelivery(deps, principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/webhooks/deliveries/{id}/replay',
      tags,
      summary: 'Send a delivery again: same webhook-id, new timestamp (queued)',
      request: { params: IdParam },
      responses: { 202: ok(z.object({ queued: z.boolean() }), 'Queued'), ...errors },
    }),
    async (c) => c.json(await replayDelivery(deps, principal(c), c.req.valid('param').id), 202),
  );
};
