import { createRoute, z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  DevicePackage,
  DevicePackageCreate,
  DevicePackageQuery,
  DevicePackageUpdate,
  PackageClass,
  PackageClassCreate,
  PackageClassQuery,
  PackageClassUpdate,
} from '@kaidan/shared/contracts/devices';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { pagedBy } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  createPackage,
  createPackageClass,
  deletePackage,
  deletePackageClass,
  updatePackage,
  updatePackageClass,
  viewPackage,
  viewPackageClasses,
  viewPackages,
} from '.';
import { presentClass, presentPackage } from './device-present';

const tags = ['device packages'];
const VersionQuery = z.object({ version: z.coerce.number().int() });
const Ok = z.object({ ok: z.boolean() });

// Seed 003 基础数据 / 套餐管理: package categories, subcategories and packages (tech support, admin).
export const registerPackageRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/package-classes',
      tags,
      summary: 'Package categories (大类) and subcategories (小类), filtered by level, type, parent, text',
      request: { query: PackageClassQuery },
      responses: { 200: ok(z.object({ items: z.array(PackageClass) })), ...errors },
    }),
    async (c) => {
      const rows = await viewPackageClasses(deps, principal(c), c.req.valid('query'));
      return c.json({ items: rows.map(presentClass) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/package-classes',
      tags,
      summary: 'Create a category or a subcategory under a category of the same type',
      request: jsonBody(PackageClassCreate),
      responses: { 201: ok(PackageClass, 'Created'), ...errors },
    }),
    async (c) => c.json(presentClass(await createPackageClass(deps, principal(c), c.req.valid('json'))), 201),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/package-classes/{id}',
      tags,
      summary: 'Rename a class (version-checked)',
      request: { params: IdParam, ...jsonBody(PackageClassUpdate) },
      responses: { 200: ok(PackageClass), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(
        presentClass(await updatePackageClass(deps, principal(c), { id, ...c.req.valid('json') })),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/package-classes/{id}',
      tags,
      summary: 'Delete a class; refused while it holds subcategories or packages',
      request: { params: IdParam, query: VersionQuery },
      responses: { 200: ok(Ok), ...errors },
    }),
    async (c) => {
      await deletePackageClass(deps, principal(c), c.req.valid('param').id, c.req.valid('query').version);
      return c.json({ ok: true }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-packages',
      tags,
      summary: 'Renewal and value-added packages: filter by any field, sort, keyset cursor',
      request: { query: DevicePackageQuery },
      responses: { 200: ok(page(DevicePackage)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewPackages(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentPackage), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/device-packages',
      tags,
      summary: 'Create a package; its kind follows the category (a different kind is refused)',
      request: jsonBody(DevicePackageCreate),
      responses: { 201: ok(DevicePackage, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const id = await createPackage(deps, p, c.req.valid('json'));
      return c.json(presentPackage(await viewPackage(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-packages/{id}',
      tags,
      summary: 'One package with the number of devices holding it',
      request: { params: IdParam },
      responses: { 200: ok(DevicePackage), ...errors },
    }),
    async (c) => c.json(presentPackage(await viewPackage(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/device-packages/{id}',
      tags,
      summary: 'Edit names, classes, amount or currency (version-checked)',
      request: { params: IdParam, ...jsonBody(DevicePackageUpdate) },
      responses: { 200: ok(DevicePackage), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updatePackage(deps, p, { id, ...c.req.valid('json') });
      return c.json(presentPackage(await viewPackage(deps, p, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/device-packages/{id}',
      tags,
      summary: 'Delete a package; refused while a device holds it (R18), with how many',
      request: { params: IdParam, query: VersionQuery },
      responses: { 200: ok(Ok), ...errors },
    }),
    async (c) => {
      await deletePackage(deps, principal(c), c.req.valid('param').id, c.req.valid('query').version);
      return c.json({ ok: true }, 200);
    },
  );
};
