import { BILLING_READERS } from '../modules/records';
import { writeDeviceOrder } from '../modules/records/records-kit';
import type { Ctx, Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for records (issue #13 slice 5, R26, R39; docs/records.md "Roles"):
// device orders and top-up records are read by every signed-in principal, narrowed by scope; finance's
// billing orders by finance and admins. The renewal slice places device orders later, so each party's
// order is written by the records kit on first use. Spread into MATRIX.
const orders = new Map<string, Promise<{ id: string }>>();
const orderOf = ({ x, w }: Ctx) => {
  let o = orders.get(x.device);
  if (!o) {
    o = writeDeviceOrder(w.deps.database.db, {
      companyId: x.companyId,
      at: w.deps.clock.now().toString(),
      items: [{ deviceId: x.device, packageId: w.ids.devicePackage, renewal: 1500n }],
    });
    orders.set(x.device, o);
  }
  return o;
};

export const RECORD_MATRIX: Record<string, Entry> = {
  'GET /api/v1/device-orders': { allow: 'signed-in' },
  'GET /api/v1/device-orders/export': { allow: 'signed-in' },
  'GET /api/v1/device-orders/{id}/items': {
    allow: 'signed-in',
    scoped: true,
    req: async (c) => ({ path: { id: (await orderOf(c)).id } }),
  },
  'GET /api/v1/billing-orders': { allow: BILLING_READERS },
  'GET /api/v1/billing-orders/export': { allow: BILLING_READERS },
  'GET /api/v1/topup-records': { allow: 'signed-in' },
  'GET /api/v1/topup-records/export': { allow: 'signed-in' },
};
