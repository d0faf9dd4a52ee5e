import { newId, type WebhookEventType } from '@kaidan/shared';
import { type Clock, toDate } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { knownEmpty, sawEndpoints } from './endpoint-presence';
import { insertEventAndDeliveries } from './webhook-store';

export interface WebhookEvent {
  type: WebhookEventType;
  /** the partner whose endpoints receive it (besides vendor-wide ones); null: vendor-wide endpoints only */
  partnerId: string | null;
  /** the event's `data` (docs/webhooks.md); bigint money is written as decimal strings by the caller */
  payload: Record<string, unknown>;
}

/**
 * The one way a module raises an outbound event (issue #12): call it with the transaction that makes the
 * business change, so the event exists iff the change commits. Delivery happens later, in jobs, and never
 * holds up the caller. At most one statement, none while no endpoint exists (endpoint-presence.ts).
 */
export async function emitEvent(tx: Exec, clock: Clock, e: WebhookEvent): Promise<void> {
  if (knownEmpty()) return;
  const now = clock.now();
  const endpoints = await insertEventAndDeliveries(tx, {
    id: newId('msg', now.epochMilliseconds),
    type: e.type,
    partnerId: e.partnerId,
    payload: e.payload,
    now: toDate(now),
  });
  sawEndpoints(endpoints);
}
