import { createRoute, type z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  BindRenewal,
  BindResult,
  Device,
  DeviceBatchResult,
  DeviceBatchState,
  DeviceCreate,
  DeviceQuery,
  DeviceStateChange,
  DeviceUpdate,
  ValueAddedChange,
} from '@kaidan/shared/contracts/devices';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  bindRenewalPackage,
  changeDeviceStates,
  changeValueAdded,
  exportDevices,
  registerDevice,
  setDeviceState,
  updateDevice,
  viewDevice,
  viewDevices,
} from '.';
import { DEVICE_CSV_HEADER, deviceCsvRow, presentDevice } from './device-present';

const tags = ['devices'];
type Query = Omit<z.infer<typeof DeviceQuery>, 'after' | 'limit'> & { after?: string | undefined };
const split = ({ companyId, depth, bound, ...f }: Query) => ({
  where: { companyId, depth },
  filter: { ...f, bound: bound === undefined ? undefined : bound === 'true' },
});

// Issue #13 (R18, R19): devices in scope with the direct/all switch, registration (staff, or the
// customer's system through an API key), bindings per device or per type, and deactivation.
export const registerDeviceRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/devices',
      tags,
      summary: 'Devices in scope: company with direct/all subsidiaries, state, bound, type, package, expiry',
      request: { query: DeviceQuery },
      responses: { 200: ok(page(Device)), ...errors },
    }),
    async (c) => {
      const { limit, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await viewDevices(deps, principal(c), where, { ...filter, limit: limit + 1 });
      return c.json(pagedBy(rows, limit, presentDevice), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/devices/export',
      tags,
      summary: 'R39 the filtered, sorted devices as CSV or XLSX (up to 10,000 rows)',
      request: { query: DeviceQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await exportDevices(deps, principal(c), where, filter);
      const name = `devices-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, DEVICE_CSV_HEADER, rows.map(deviceCsvRow));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices',
      tags,
      summary: "Register a device (staff; or the customer's system with its API key, for its company)",
      request: jsonBody(DeviceCreate),
      responses: { 201: ok(Device, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const id = await registerDevice(deps, p, c.req.valid('json'));
      return c.json(presentDevice(await viewDevice(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices/bindings',
      tags,
      summary: 'R18 bind (or with null remove) a renewal package per device or for every device of a type',
      request: jsonBody(BindRenewal),
      responses: { 200: ok(BindResult), ...errors },
    }),
    async (c) => c.json(await bindRenewalPackage(deps, principal(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices/value-added',
      tags,
      summary: 'R18 add value-added packages on top for chosen devices, or remove them',
      request: jsonBody(ValueAddedChange),
      responses: { 200: ok(BindResult), ...errors },
    }),
    async (c) => c.json(await changeValueAdded(deps, principal(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices/states',
      tags,
      summary: 'R19 deactivate or reactivate a pasted list of device ids; unknown or foreign ids are named',
      request: jsonBody(DeviceBatchState),
      responses: { 200: ok(DeviceBatchResult), ...errors },
    }),
    async (c) => c.json(await changeDeviceStates(deps, principal(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/devices/{id}',
      tags,
      summary: 'A device in scope',
      request: { params: IdParam },
      responses: { 200: ok(Device), ...errors },
    }),
    async (c) => c.json(presentDevice(await viewDevice(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/devices/{id}',
      tags,
      summary: "Change a device's type (version-checked)",
      request: { params: IdParam, ...jsonBody(DeviceUpdate) },
      responses: { 200: ok(Device), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updateDevice(deps, p, { id, ...c.req.valid('json') });
      return c.json(presentDevice(await viewDevice(deps, p, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices/{id}/state',
      tags,
      summary: 'R19 deactivate or reactivate one device (version-checked)',
      request: { params: IdParam, ...jsonBody(DeviceStateChange) },
      responses: { 200: ok(Device), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await setDeviceState(deps, p, { id, ...c.req.valid('json') });
      return c.json(presentDevice(await viewDevice(deps, p, id)), 200);
    },
  );
};
