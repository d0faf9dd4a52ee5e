import type {
  WebhookDeliveryDetail,
  WebhookDeliveryPage,
  WebhookEndpoint,
} from '@kaidan/shared/contracts/webhooks';
import { pagedBy } from '../../http/present';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { DELIVERY, ENDPOINT, MANAGE, MANAGE_WEBHOOKS } from './webhook';
import { presentDelivery, presentDeliveryDetail, presentEndpoint } from './webhook-present';
import {
  attemptsOf,
  type DeliveryFilter,
  findDelivery,
  findEndpoint,
  listDeliveries,
  listEndpoints,
} from './webhook-store';

// The reads of the webhooks screens: endpoints in scope, an endpoint's delivery log, one delivery.

export async function listWebhookEndpoints(deps: Deps, p: Principal): Promise<WebhookEndpoint[]> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  return (await listEndpoints(deps.database.db, p)).map(presentEndpoint);
}

export async function getWebhookEndpoint(deps: Deps, p: Principal, id: string): Promise<WebhookEndpoint> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  const e = await findEndpoint(deps.database.db, p, id);
  if (!e) throw notFound(ENDPOINT);
  return presentEndpoint(e);
}

export async function listEndpointDeliveries(
  deps: Deps,
  p: Principal,
  endpointId: string,
  f: DeliveryFilter,
): Promise<WebhookDeliveryPage> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  const { db } = deps.database;
  if (!(await findEndpoint(db, p, endpointId))) throw notFound(ENDPOINT);
  const rows = await listDeliveries(db, endpointId, { ...f, limit: f.limit + 1 });
  return pagedBy(rows, f.limit, presentDelivery);
}

export async function getWebhookDelivery(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<WebhookDeliveryDetail> {
  requireRole(p, MANAGE_WEBHOOKS, MANAGE);
  const { db } = deps.database;
  const d = await findDelivery(db, p, id);
  if (!d) throw notFound(DELIVERY);
  return presentDeliveryDetail(d, await attemptsOf(db, id));
}
