import { createRoute, z } from '@hono/zod-openapi';
import {
  BillingConfig,
  BillingConfigBatch,
  BillingConfigBatchResult,
  BillingConfigPut,
  BillingConfigQuery,
  BillingStatement,
  BillingStatementQuery,
  VersionQuery,
} from '@kaidan/shared/contracts/billing';
import { page } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { pagedBy } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  configureCompanies,
  deleteBillingConfig,
  putBillingConfig,
  statementFile,
  viewBillingConfig,
  viewBillingConfigs,
  viewStatement,
  viewStatements,
} from '.';
import { presentConfig, presentStatement } from './billing-present';

const tags = ['billing'];
const CompanyParam = z.object({ companyId: z.string().min(3).max(64) });
const FileQuery = z.object({ lang: z.enum(['zh', 'en']).default('zh') });
const FILES = {
  pdf: { type: 'application/pdf', ext: 'pdf' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
} as const;

// Issue #13 (R38, R46): billing account configurations of the companies in scope, one at a time or for
// several selected companies, and the statements the daily job made, with their PDF and XLSX.
export const registerBillingRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-configs',
      tags,
      summary: 'R38 companies in scope (direct/all under a company) with their configuration, or none',
      request: { query: BillingConfigQuery },
      responses: { 200: ok(page(BillingConfig)), ...errors },
    }),
    async (c) => {
      const { limit, companyId, depth, configured, ...f } = c.req.valid('query');
      const rows = await viewBillingConfigs(
        deps,
        principal(c),
        { companyId, depth },
        { ...f, configured: configured === undefined ? undefined : configured === 'true', limit: limit + 1 },
      );
      return c.json(pagedBy(rows, limit, presentConfig), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/billing-configs/batch',
      tags,
      summary: 'R38 配置所选公司: the same settings for several companies, all or nothing',
      request: jsonBody(BillingConfigBatch),
      responses: { 200: ok(BillingConfigBatchResult), ...errors },
    }),
    async (c) => c.json(await configureCompanies(deps, principal(c), c.req.valid('json')), 200),
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-configs/{companyId}',
      tags,
      summary: "R38 a company's billing configuration (configured: false when it has none)",
      request: { params: CompanyParam },
      responses: { 200: ok(BillingConfig), ...errors },
    }),
    async (c) =>
      c.json(presentConfig(await viewBillingConfig(deps, principal(c), c.req.valid('param').companyId)), 200),
  );
  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/billing-configs/{companyId}',
      tags,
      summary: "R38 create or replace a company's configuration (version-checked once it exists)",
      request: { params: CompanyParam, ...jsonBody(BillingConfigPut) },
      responses: { 200: ok(BillingConfig), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { companyId } = c.req.valid('param');
      await putBillingConfig(deps, p, { companyId, ...c.req.valid('json') });
      return c.json(presentConfig(await viewBillingConfig(deps, p, companyId)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/v1/billing-configs/{companyId}',
      tags,
      summary: "R38 delete a company's configuration (version-checked)",
      request: { params: CompanyParam, query: VersionQuery },
      responses: { 204: { description: 'Deleted' }, ...errors },
    }),
    async (c) => {
      await deleteBillingConfig(
        deps,
        principal(c),
        c.req.valid('param').companyId,
        c.req.valid('query').version,
      );
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-statements',
      tags,
      summary: 'R46 statements of the companies in scope, newest period first',
      request: { query: BillingStatementQuery },
      responses: { 200: ok(page(BillingStatement)), ...errors },
    }),
    async (c) => {
      const { limit, companyId, depth, ...f } = c.req.valid('query');
      const rows = await viewStatements(deps, principal(c), { companyId, depth }, { ...f, limit: limit + 1 });
      return c.json(pagedBy(rows, limit, presentStatement), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-statements/{id}',
      tags,
      summary: 'R46 one statement with its balances and lines',
      request: { params: IdParam },
      responses: { 200: ok(BillingStatement), ...errors },
    }),
    async (c) =>
      c.json(presentStatement(await viewStatement(deps, principal(c), c.req.valid('param').id)), 200),
  );
  for (const format of ['pdf', 'xlsx'] as const)
    app.openapi(
      createRoute({
        method: 'get',
        path: `/api/v1/billing-statements/{id}/${format}`,
        tags,
        summary: `R46 the statement as ${format.toUpperCase()} (zh or en)`,
        request: { params: IdParam, query: FileQuery },
        responses: {
          200: { description: format, content: { [FILES[format].type]: { schema: z.string() } } },
          ...errors,
        },
      }),
      async (c) => {
        const { statement, body } = await statementFile(
          deps,
          principal(c),
          c.req.valid('param').id,
          format,
          c.req.valid('query').lang,
        );
        const name = `statement-${statement.period_start}-${statement.period_end}.${FILES[format].ext}`;
        return new Response(body, {
          status: 200,
          headers: {
            'content-type': FILES[format].type,
            'content-disposition': `attachment; filename="${name}"`,
          },
        });
      },
    );
};
