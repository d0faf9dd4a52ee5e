import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { DELIVERY, MANAGE, MANAGE_WEBHOOKS } from './webhook';
import { DELIVER_JOB, findDelivery } from './webhook-store';

/**
 * Sends a delivery again, whatever its state: same `webhook-id`, a new timestamp and signature (with the
 * endpoint's current secret). Queued as a job, so the answer does not wait on the receiver.
 */
export async function replayDelivery(deps: Deps, p: Principal, id: string): Promise<{ queued: true }> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  await transact(deps.database.db, async (tx) => {
    if (!(await findDelivery(tx, p, id))) throw notFound(DELIVERY);
    await enqueueJob(tx, deps.clock, DELIVER_JOB, { deliveryId: id, replay: true });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'webhook_delivery',
      objectId: id,
      action: 'replay',
    });
  });
  return { queued: true };
}
