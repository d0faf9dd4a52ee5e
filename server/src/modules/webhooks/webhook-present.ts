import type {
  WebhookDelivery,
  WebhookDeliveryDetail,
  WebhookEndpoint,
} from '@kaidan/shared/contracts/webhooks';
import { iso } from '../../http/present';
import { secretHint } from './webhook';
import type { AttemptRow, DeliveryRow, EndpointRow } from './webhook-store';

// Rows → wire shapes (shared/contracts/webhooks.ts). The secret is never part of an endpoint's shape.

export const presentEndpoint = (e: EndpointRow): WebhookEndpoint => ({
  id: e.id,
  partnerId: e.partner_id,
  partnerName: e.partner_name,
  url: e.url,
  eventTypes: e.event_types,
  description: e.description,
  enabled: e.enabled,
  secretHint: secretHint(e.secret),
  version: e.version,
  createdAt: e.created_at.toISOString(),
  updatedAt: e.updated_at.toISOString(),
});

export const presentDelivery = (d: DeliveryRow): WebhookDelivery => ({
  id: d.id,
  messageId: d.event_id,
  endpointId: d.endpoint_id,
  eventType: d.event_type,
  state: d.state,
  attempts: d.attempts,
  lastStatus: d.last_status,
  nextAttemptAt: iso(d.next_attempt_at),
  createdAt: d.created_at.toISOString(),
  updatedAt: d.updated_at.toISOString(),
});

export const presentDeliveryDetail = (
  d: DeliveryRow & { payload: Record<string, unknown> },
  attempts: AttemptRow[],
): WebhookDeliveryDetail => ({
  ...presentDelivery(d),
  payload: d.payload,
  attemptLog: attempts.map((a) => ({
    n: a.n,
    replay: a.replay,
    statusCode: a.status_code,
    error: a.error,
    responseExcerpt: a.response_excerpt,
    durationMs: a.duration_ms,
    at: a.attempted_at.toISOString(),
  })),
});
