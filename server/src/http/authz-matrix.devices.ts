import type { Role } from '../platform/principal';
import type { Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for devices (issue #13, R18, R19; docs/devices.md "Roles"): tech
// support and admins keep the package catalog and the bindings; the customer registers and deactivates
// its own devices; every signed-in principal reads, narrowed by the company scope. Spread into MATRIX.
const CATALOG: Role[] = ['admin', 'support'];
const DEVICE_WRITERS: Role[] = ['admin', 'support', 'customer'];
const STALE = 999_999; // a version no row has: an allowed caller gets 409 and nothing changes
const id = (v: string) => ({ path: { id: v } });

export const DEVICE_MATRIX: Record<string, Entry> = {
  'GET /api/v1/package-classes': { allow: 'signed-in' },
  'POST /api/v1/package-classes': {
    allow: CATALOG,
    req: ({ w }) => ({
      body: { level: 'category', code: `MX${w.next()}`, nameZh: '矩阵大类', type: 'renewal' },
    }),
  },
  'PATCH /api/v1/package-classes/{id}': {
    allow: CATALOG,
    req: ({ w }) => ({ ...id(w.ids.packageClass), body: { version: STALE } }),
  },
  // The demo's category holds subcategories and packages: an allowed caller hears why it stays (409).
  'DELETE /api/v1/package-classes/{id}': {
    allow: CATALOG,
    req: ({ w }) => ({ ...id(w.ids.packageClass), query: { version: String(STALE) } }),
  },
  'GET /api/v1/device-packages': { allow: 'signed-in' },
  'POST /api/v1/device-packages': {
    allow: CATALOG,
    req: ({ w }) => ({
      body: {
        code: `MX${w.next()}`,
        nameZh: '矩阵套餐',
        categoryId: 'pkc_missing',
        subcategoryId: 'pkc_missing',
        amount: '1.00',
        currency: 'CNY',
      },
    }),
  },
  'GET /api/v1/device-packages/{id}': { allow: 'signed-in', req: ({ w }) => id(w.ids.devicePackage) },
  'PATCH /api/v1/device-packages/{id}': {
    allow: CATALOG,
    req: ({ w }) => ({ ...id(w.ids.devicePackage), body: { version: STALE } }),
  },
  'DELETE /api/v1/device-packages/{id}': {
    allow: CATALOG,
    req: ({ w }) => ({ ...id(w.ids.devicePackage), query: { version: String(STALE) } }),
  },
  'GET /api/v1/devices': { allow: 'signed-in' },
  'GET /api/v1/devices/export': { allow: 'signed-in' },
  'POST /api/v1/devices': {
    allow: DEVICE_WRITERS,
    scoped: true,
    req: ({ x, w }) => ({ body: { companyId: x.companyId, deviceNo: `MX-${w.next()}`, type: 'GPS' } }),
  },
  'POST /api/v1/devices/bindings': {
    allow: CATALOG,
    req: ({ x }) => ({ body: { packageId: null, deviceIds: [x.device] } }),
  },
  'POST /api/v1/devices/value-added': {
    allow: CATALOG,
    req: ({ x }) => ({ body: { packageIds: ['pkg_missing'], deviceIds: [x.device] } }),
  },
  'POST /api/v1/devices/states': {
    allow: DEVICE_WRITERS,
    scoped: true,
    req: ({ x }) => ({ body: { companyId: x.companyId, deviceNos: [x.deviceNo], state: 'active' } }),
  },
  'GET /api/v1/devices/{id}': { allow: 'signed-in', scoped: true, req: ({ x }) => id(x.device) },
  'PATCH /api/v1/devices/{id}': {
    allow: DEVICE_WRITERS,
    scoped: true,
    req: ({ x }) => ({ ...id(x.device), body: { version: STALE } }),
  },
  'POST /api/v1/devices/{id}/state': {
    allow: DEVICE_WRITERS,
    scoped: true,
    req: ({ x }) => ({ ...id(x.device), body: { version: STALE, state: 'active' } }),
  },
};
