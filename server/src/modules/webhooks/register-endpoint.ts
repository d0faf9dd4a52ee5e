import { newId } from '@kaidan/shared';
import type { WebhookEndpointInput, WebhookEndpointWithSecret } from '@kaidan/shared/contracts/webhooks';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { forbidden, notFound, refuseIfAny } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { endpointsChanged } from './endpoint-presence';
import { checkUrl, ENDPOINT, MANAGE, MANAGE_WEBHOOKS, newSecret, partnerRequired } from './webhook';
import { presentEndpoint } from './webhook-present';
import { findEndpoint, insertEndpoint, partnerExists } from './webhook-store';

/**
 * A new endpoint with a fresh `whsec_` secret, answered once. A partner's agent registers for its own
 * partner only; an admin for a named partner or vendor-wide (partnerId omitted or null).
 */
export async function registerEndpoint(
  deps: Deps,
  p: Principal,
  input: WebhookEndpointInput,
): Promise<WebhookEndpointWithSecret> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  let partnerId = input.partnerId ?? null;
  if (p.kind === 'partner') {
    if (partnerId !== null && partnerId !== p.partnerId)
      throw forbidden({
        zh: '只能为本渠道登记端点',
        en: "Endpoints can only be registered for one's own partner",
      });
    partnerId = p.partnerId;
  }
  refuseIfAny(checkUrl(input.url));
  const secret = newSecret();
  const created = await transact(deps.database.db, async (tx) => {
    if (partnerId !== null && p.kind === 'staff' && !(await partnerExists(tx, partnerId)))
      throw partnerRequired();
    const id = newId('whe', deps.clock.now().epochMilliseconds);
    await insertEndpoint(tx, {
      id,
      partner_id: partnerId,
      url: input.url.trim(),
      description: (input.description ?? '').trim(),
      event_types: [...new Set(input.eventTypes)],
      enabled: input.enabled ?? true,
      secret,
      created_by: p.userId,
      created_at: toDate(deps.clock.now()),
    });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'webhook_endpoint',
      objectId: id,
      action: 'create',
      after: { url: input.url.trim(), eventTypes: input.eventTypes, partnerId },
    });
    const row = await findEndpoint(tx, p, id);
    if (!row) throw notFound(ENDPOINT);
    return row;
  });
  endpointsChanged();
  return { ...presentEndpoint(created), secret };
}
