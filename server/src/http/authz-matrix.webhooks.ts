import type { Role } from '../platform/principal';
import type { Entry } from './authz-matrix.entry';

// Issue #12 rows of the authorization matrix (kept apart so authz-matrix.table.ts stays under 400 lines):
// admins manage every webhook endpoint, a partner's agents their own partner's; everyone else 403, and
// another partner's endpoint or delivery is a 404.
const WEBHOOKS: Role[] = ['admin', 'partner_agent'];
const STALE = 999_999;

export const WEBHOOK_MATRIX: Record<string, Entry> = {
  'GET /api/v1/webhooks/endpoints': { allow: WEBHOOKS },
  'POST /api/v1/webhooks/endpoints': {
    allow: WEBHOOKS,
    req: ({ w }) => ({
      body: { url: `https://hooks${w.next()}.example.com/kaidan`, eventTypes: ['order.paid'] },
    }),
  },
  'GET /api/v1/webhooks/endpoints/{id}': {
    allow: WEBHOOKS,
    scoped: true,
    req: ({ x }) => ({ path: { id: x.webhookEndpoint } }),
  },
  'PATCH /api/v1/webhooks/endpoints/{id}': {
    allow: WEBHOOKS,
    scoped: true,
    req: ({ x }) => ({ path: { id: x.webhookEndpoint }, body: { version: STALE, enabled: false } }),
  },
  'DELETE /api/v1/webhooks/endpoints/{id}': {
    allow: WEBHOOKS,
    scoped: true,
    req: async ({ x, w }) => ({ path: { id: await w.fresh.webhookEndpoint(x) } }),
  },
  'POST /api/v1/webhooks/endpoints/{id}/rotate-secret': {
    allow: WEBHOOKS,
    scoped: true,
    req: async ({ x, w }) => ({ path: { id: await w.fresh.webhookEndpoint(x) }, body: {} }),
  },
  'GET /api/v1/webhooks/endpoints/{id}/deliveries': {
    allow: WEBHOOKS,
    scoped: true,
    req: ({ x }) => ({ path: { id: x.webhookEndpoint } }),
  },
  'GET /api/v1/webhooks/deliveries/{id}': {
    allow: WEBHOOKS,
    scoped: true,
    req: ({ x }) => ({ path: { id: x.webhookDelivery } }),
  },
  'POST /api/v1/webhooks/deliveries/{id}/replay': {
    allow: WEBHOOKS,
    scoped: true,
    req: ({ x }) => ({ path: { id: x.webhookDelivery }, body: {} }),
  },
};
