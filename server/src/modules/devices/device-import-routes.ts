import { createRoute, z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  DeviceExpiryChange,
  DeviceImport,
  DeviceImportApplied,
  DeviceImportConfirm,
  DeviceImportLine,
  DeviceImportLinesQuery,
  DeviceImportUpload,
} from '@kaidan/shared/contracts/device-imports';
import { Device } from '@kaidan/shared/contracts/devices';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { iso } from '../../http/present';
import { errors, IdParam as Id, jsonBody, ok } from '../../http/route-kit';
import { today } from '../../platform/clock';
import { confirmDeviceImport } from './confirm-device-import';
import { presentDevice } from './device-present';
import { importReport, importTemplate, XLSX } from './import-files';
import { previewDeviceImport } from './preview-device-import';
import { setDeviceExpiry } from './set-device-expiry';
import {
  allImportLines,
  type ImportLineView,
  type ImportSummary,
  viewDeviceImport,
  viewImportLines,
} from './view-device-import';
import { viewDevice } from './view-devices';

const tags = ['devices'];
const xlsxAnswer = {
  200: {
    description: 'XLSX file',
    content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
  },
  ...errors,
};
const file = (name: string, body: Uint8Array) =>
  new Response(body, {
    status: 200,
    headers: { 'content-type': XLSX, 'content-disposition': `attachment; filename="${name}"` },
  });

const presentImport = (r: ImportSummary) => ({
  id: r.id,
  companyId: r.company_id,
  depth: r.depth,
  allowPast: r.allow_past,
  fileName: r.file_name,
  state: r.state,
  totalRows: r.total_rows,
  validRows: r.valid_rows,
  errorRows: r.error_rows,
  appliedRows: r.applied_rows,
  errorCounts: r.errorCounts,
  createdAt: r.created_at.toISOString(),
  appliedAt: iso(r.applied_at),
  version: r.version,
});
const presentLine = (l: ImportLineView) => ({
  rowNo: l.row_no,
  deviceNo: l.device_no,
  company: l.company_ref,
  expiryText: l.expiry_text,
  expiresOn: l.expires_on,
  error: l.error,
  reason: l.reason,
});

// Issue #13 slice 3 (R21): the expiry import's template, upload (staged preview), bad rows, confirm and
// report, and one device's expiry. The upload is the raw .xlsx body, so a browser can report its progress
// and a CLI or script can send a file as it is.
export const registerDeviceImportRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-imports/template.xlsx',
      tags,
      summary: 'R21 the expiry import template (date-validated column, example row, notes sheet)',
      responses: xlsxAnswer,
    }),
    async (c) => {
      principal(c); // signed-in only, like every device read
      return file(
        'device-expiry-template.xlsx',
        await importTemplate(today(deps.clock).add({ years: 1 }).toString()),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/device-imports',
      tags,
      summary: 'R21 upload an expiry workbook (raw .xlsx body): staged and previewed, nothing applied',
      request: {
        query: DeviceImportUpload,
        body: {
          content: { [XLSX]: { schema: z.string().openapi({ format: 'binary' }) } },
          required: true,
        },
      },
      responses: { 201: ok(DeviceImport, 'Previewed'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const q = c.req.valid('query');
      const body = new Uint8Array(await c.req.arrayBuffer());
      const id = await previewDeviceImport(deps, p, {
        file: body,
        fileName: q.fileName,
        companyId: q.companyId,
        depth: q.depth,
        allowPast: q.allowPast === 'true',
      });
      return c.json(presentImport(await viewDeviceImport(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-imports/{id}',
      tags,
      summary: 'R21 an import: counts of valid and bad rows per reason, state',
      request: { params: Id },
      responses: { 200: ok(DeviceImport), ...errors },
    }),
    async (c) =>
      c.json(presentImport(await viewDeviceImport(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-imports/{id}/rows',
      tags,
      summary: "R21 an import's rows in file order (the bad ones by default), each bad row with its reason",
      request: { params: Id, query: DeviceImportLinesQuery },
      responses: { 200: ok(page(DeviceImportLine)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewImportLines(deps, principal(c), c.req.valid('param').id, {
        onlyErrors: q.only === 'errors',
        after: Number(q.after ?? 0),
        limit: q.limit + 1,
      });
      const items = rows.slice(0, q.limit);
      const last = items.at(-1);
      return c.json(
        {
          items: items.map(presentLine),
          nextCursor: rows.length > q.limit && last ? String(last.row_no) : null,
        },
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/device-imports/{id}/confirm',
      tags,
      summary: 'R21 apply the previewed valid rows once; with bad rows only when applyValidRows is true',
      request: { params: Id, ...jsonBody(DeviceImportConfirm) },
      responses: { 200: ok(DeviceImportApplied), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      const { changed } = await confirmDeviceImport(deps, p, { id, ...c.req.valid('json') });
      return c.json({ ...presentImport(await viewDeviceImport(deps, p, id)), changed }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-imports/{id}/report.xlsx',
      tags,
      summary: 'R21 the result report: every row as read plus its result and 错误/Error column',
      request: { params: Id },
      responses: xlsxAnswer,
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await viewDeviceImport(deps, p, id);
      return file(`device-import-${id}.xlsx`, await importReport(allImportLines(deps, p, id)));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/devices/{id}/expiry',
      tags,
      summary: "R21 set one device's expiry (tech support, version-checked, audited)",
      request: { params: Id, ...jsonBody(DeviceExpiryChange) },
      responses: { 200: ok(Device), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await setDeviceExpiry(deps, p, { id, ...c.req.valid('json') });
      return c.json(presentDevice(await viewDevice(deps, p, id)), 200);
    },
  );
};
