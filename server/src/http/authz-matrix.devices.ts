import { previewDeviceImport } from '../modules/devices';
import { type Role, systemPrincipal } from '../platform/principal';
import { expiryWorkbook } from '../testing/import-fixture';
import type { Ctx, Entry } from './authz-matrix.entry';

// Cells of the authorization matrix for devices (issue #13, R18, R19; docs/devices.md "Roles"): tech
// support and admins keep the package catalog and the bindings; the customer registers and deactivates
// its own devices; every signed-in principal reads, narrowed by the company scope. Spread into MATRIX.
const CATALOG: Role[] = ['admin', 'support'];
const DEVICE_WRITERS: Role[] = ['admin', 'support', 'customer'];
const STALE = 999_999; // a version no row has: an allowed caller gets 409 and nothing changes
const id = (v: string) => ({ path: { id: v } });
// R21: expiry imports are tech support's (and admin's); each cell previews a fresh one-row import of the
// party's own device, so a confirm cell applies it and the next cell still has one to reach.
const IMPORTERS: Role[] = ['admin', 'support'];
const importOf = async ({ x, w }: Ctx) =>
  id(
    await previewDeviceImport(w.deps, systemPrincipal('cli'), {
      file: await expiryWorkbook([[x.deviceNo, '2030-01-01']]),
      fileName: 'matrix.xlsx',
      companyId: x.companyId,
      allowPast: false,
    }),
  );

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
  'GET /api/v1/device-imports/template.xlsx': { allow: 'signed-in' },
  'POST /api/v1/device-imports': {
    allow: IMPORTERS,
    req: ({ x }) => ({ query: { companyId: x.companyId }, body: {} }),
  },
  'GET /api/v1/device-imports/{id}': { allow: IMPORTERS, scoped: true, req: importOf },
  'GET /api/v1/device-imports/{id}/rows': { allow: IMPORTERS, scoped: true, req: importOf },
  'POST /api/v1/device-imports/{id}/confirm': {
    allow: IMPORTERS,
    scoped: true,
    req: async (c) => ({ ...(await importOf(c)), body: { applyValidRows: true } }),
  },
  'GET /api/v1/device-imports/{id}/report.xlsx': { allow: IMPORTERS, scoped: true, req: importOf },
  'POST /api/v1/devices/{id}/expiry': {
    allow: IMPORTERS,
    scoped: true,
    req: ({ x }) => ({ ...id(x.device), body: { version: STALE, expiresOn: '2030-01-01' } }),
  },
};
