import { z } from 'zod';
import { WEBHOOK_DELIVERY_STATES, WEBHOOK_EVENT_TYPES } from '../vocabulary';
import { Cursor, Id, page } from './common';

// Issue #12 outbound webhooks (docs/webhooks.md): endpoints a partner or an admin registers, and the
// delivery log. The signing secret travels only in the answers to create and rotate.

export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export const WebhookDeliveryState = z.enum(WEBHOOK_DELIVERY_STATES);

/** https, or plain http to this machine only (local development); checked again by the server. */
export const WebhookUrl = z.string().trim().min(8).max(2000);

export const WebhookEndpointInput = z.object({
  url: WebhookUrl,
  eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
  description: z.string().trim().max(200).default(''),
  enabled: z.boolean().default(true),
  /** admins only: the partner whose events it receives; omitted = vendor-wide (every partner's events) */
  partnerId: Id.nullable().optional(),
});
export type WebhookEndpointInput = z.input<typeof WebhookEndpointInput>;

export const WebhookEndpointPatch = z.object({
  version: z.number().int().min(1),
  url: WebhookUrl.optional(),
  eventTypes: z.array(WebhookEventType).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
  description: z.string().trim().max(200).optional(),
  enabled: z.boolean().optional(),
});
export type WebhookEndpointPatch = z.input<typeof WebhookEndpointPatch>;

export const WebhookEndpoint = z.object({
  id: z.string(),
  /** null: vendor-wide */
  partnerId: z.string().nullable(),
  partnerName: z.string().nullable(),
  url: z.string(),
  eventTypes: z.array(WebhookEventType),
  description: z.string(),
  enabled: z.boolean(),
  /** the first characters of the secret, to tell secrets apart after a rotation */
  secretHint: z.string(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpoint>;

/** Create and rotate answer with the secret once; it is never shown again. */
export const WebhookEndpointWithSecret = WebhookEndpoint.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecret>;

export const WebhookEndpointList = z.object({ items: z.array(WebhookEndpoint) });

export const WebhookAttempt = z.object({
  n: z.number().int(),
  replay: z.boolean(),
  /** null: no answer (timeout, refused connection) — see `error` */
  statusCode: z.number().int().nullable(),
  error: z.string().nullable(),
  /** the first 500 characters of the answer's body */
  responseExcerpt: z.string(),
  durationMs: z.number().int(),
  at: z.string(),
});

export const WebhookDelivery = z.object({
  id: z.string(),
  /** the `webhook-id` header: the same on every retry and replay */
  messageId: z.string(),
  endpointId: z.string(),
  eventType: WebhookEventType,
  state: WebhookDeliveryState,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable(),
  nextAttemptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryDetail = WebhookDelivery.extend({
  payload: z.record(z.string(), z.unknown()),
  attemptLog: z.array(WebhookAttempt),
});
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetail>;

export const WebhookDeliveryQuery = Cursor.extend({ state: WebhookDeliveryState.optional() });
export const WebhookDeliveryPage = page(WebhookDelivery);
export type WebhookDeliveryPage = z.infer<typeof WebhookDeliveryPage>;
