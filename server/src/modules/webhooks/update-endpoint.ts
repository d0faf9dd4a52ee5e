import type { WebhookEndpoint, WebhookEndpointPatch } from '@kaidan/shared/contracts/webhooks';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, refuseIfAny, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { endpointsChanged } from './endpoint-presence';
import { checkUrl, ENDPOINT, MANAGE, MANAGE_WEBHOOKS } from './webhook';
import { presentEndpoint } from './webhook-present';
import { findEndpoint, updateEndpoint } from './webhook-store';

/** Changes url, subscribed events, description or enabled, on the version the caller read. */
export async function updateWebhookEndpoint(
  deps: Deps,
  p: Principal,
  id: string,
  patch: WebhookEndpointPatch,
): Promise<WebhookEndpoint> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  if (patch.url !== undefined) refuseIfAny(checkUrl(patch.url));
  const after = await transact(deps.database.db, async (tx) => {
    const before = await findEndpoint(tx, p, id);
    if (!before) throw notFound(ENDPOINT);
    const change = {
      url: patch.url?.trim(),
      event_types: patch.eventTypes ? [...new Set(patch.eventTypes)] : undefined,
      description: patch.description?.trim(),
      enabled: patch.enabled,
    };
    if (!(await updateEndpoint(tx, id, patch.version, change, toDate(deps.clock.now()))))
      throw versionConflict({ zh: 'Webhook 端点', en: 'webhook endpoint' }, before.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'webhook_endpoint',
      objectId: id,
      action: 'update',
      before: { url: before.url, eventTypes: before.event_types, enabled: before.enabled },
      after: { url: patch.url, eventTypes: patch.eventTypes, enabled: patch.enabled },
    });
    const row = await findEndpoint(tx, p, id);
    if (!row) throw notFound(ENDPOINT);
    return row;
  });
  endpointsChanged();
  return presentEndpoint(after);
}
