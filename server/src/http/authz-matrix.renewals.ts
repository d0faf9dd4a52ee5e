import type { Role } from '../platform/principal';
import type { Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for renewals (issue #13, R20; docs/renewals.md "Who"): only customer
// users renew, for their own company tree, and only the paying company's users pay; every signed-in
// principal reads a renewal order in its scope. Spread into MATRIX.
const RENEWERS: Role[] = ['customer'];
const id = (v: string) => ({ path: { id: v } });

export const RENEWAL_MATRIX: Record<string, Entry> = {
  'POST /api/v1/device-orders/quote': {
    allow: RENEWERS,
    // a device is on the world's open order: an allowed caller hears DEVICE_RENEWAL_OPEN (409)
    req: ({ x }) => ({ body: { deviceIds: [x.device], months: 6 } }),
  },
  'POST /api/v1/device-orders': {
    allow: RENEWERS,
    req: ({ x }) => ({
      body: { deviceIds: [x.device], months: 6, expectedTotal: '0.00', quotedAt: new Date().toISOString() },
    }),
  },
  'GET /api/v1/device-orders/{id}': { allow: 'signed-in', scoped: true, req: ({ x }) => id(x.deviceOrder) },
  'POST /api/v1/device-orders/{id}/payments': {
    allow: RENEWERS,
    scoped: true,
    // the matrix app has no providers: an allowed caller hears PAYMENT_METHOD_NOT_OFFERED (422)
    req: ({ x }) => ({ ...id(x.deviceOrder), body: { method: 'sandbox' } }),
  },
};
