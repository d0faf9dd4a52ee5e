import type { WebhookEndpointWithSecret } from '@kaidan/shared/contracts/webhooks';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ENDPOINT, MANAGE, MANAGE_WEBHOOKS, newSecret } from './webhook';
import { presentEndpoint } from './webhook-present';
import { findEndpoint, updateEndpoint } from './webhook-store';

/**
 * A new secret, answered once. Deliveries from now on — retries and replays of older events included —
 * are signed with it: the old one stops at once (no overlap window; the receiver updates, then replays).
 */
export async function rotateEndpointSecret(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<WebhookEndpointWithSecret> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  const secret = newSecret();
  const row = await transact(deps.database.db, async (tx) => {
    if (!(await findEndpoint(tx, p, id))) throw notFound(ENDPOINT);
    await updateEndpoint(tx, id, null, { secret }, toDate(deps.clock.now()));
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'webhook_endpoint',
      objectId: id,
      action: 'rotate_secret',
    });
    return findEndpoint(tx, p, id);
  });
  if (!row) throw notFound(ENDPOINT);
  return { ...presentEndpoint(row), secret };
}
