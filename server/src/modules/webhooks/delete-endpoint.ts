import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ENDPOINT, MANAGE, MANAGE_WEBHOOKS } from './webhook';
import { deleteEndpoint, findEndpoint } from './webhook-store';

/** Removes the endpoint with its deliveries and their log; pending attempts find nothing and stop. */
export async function deleteWebhookEndpoint(deps: Deps, p: Principal, id: string): Promise<void> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  await transact(deps.database.db, async (tx) => {
    const before = await findEndpoint(tx, p, id);
    if (!before) throw notFound(ENDPOINT);
    await deleteEndpoint(tx, id);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'webhook_endpoint',
      objectId: id,
      action: 'delete',
      before: { url: before.url, eventTypes: before.event_types, partnerId: before.partner_id },
    });
  });
}
