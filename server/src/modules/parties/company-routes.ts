import { createRoute, z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  Company,
  CompanyCreate,
  CompanyQuery,
  CompanyUpdate,
  Contact,
  ContactCreate,
} from '@kaidan/shared/contracts/parties';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import { createCompany } from './create-company';
import { createContact } from './create-contact';
import { exportCompanies } from './export-parties';
import { COMPANY_CSV_HEADER, companyCsvRow } from './parties-csv';
import { presentCompany, presentContact } from './parties-present';
import { updateCompanyDetails } from './update-company';
import { viewCompanies, viewCompany, viewContacts } from './view-parties';

const tags = ['companies'];
type Query = Omit<z.infer<typeof CompanyQuery>, 'after' | 'limit'> & { after?: string | undefined };
const filterOf = (q: Query) => ({
  ...q,
  direct: q.direct === undefined ? undefined : q.direct === 'true',
  region: q.region?.toUpperCase(),
});

export const registerCompanyRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/companies',
      tags,
      summary: 'Customers in scope: filters, text search (names, tenant id), sort, keyset cursor',
      request: { query: CompanyQuery },
      responses: { 200: ok(page(Company)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewCompanies(deps, principal(c), { ...filterOf(q), limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentCompany), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/companies/export',
      tags,
      summary: 'R39 the filtered, sorted customers in scope as CSV or XLSX (up to 10,000 rows)',
      request: { query: CompanyQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const rows = await exportCompanies(deps, principal(c), filterOf(q));
      const name = `companies-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, COMPANY_CSV_HEADER, rows.map(companyCsvRow));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/companies',
      tags,
      summary: 'Create a customer (R6 checks; partner agents create for their own partner)',
      request: jsonBody(CompanyCreate),
      responses: { 201: ok(Company, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const id = await createCompany(deps, p, c.req.valid('json'));
      return c.json(presentCompany(await viewCompany(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/companies/{id}',
      tags,
      summary: 'A customer in scope',
      request: { params: IdParam },
      responses: { 200: ok(Company), ...errors },
    }),
    async (c) => c.json(presentCompany(await viewCompany(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/companies/{id}',
      tags,
      summary: 'Change a customer (R6 re-checked on the merged record; version required)',
      request: { params: IdParam, ...jsonBody(CompanyUpdate) },
      responses: { 200: ok(Company), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updateCompanyDetails(deps, p, id, c.req.valid('json'));
      return c.json(presentCompany(await viewCompany(deps, p, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/companies/{id}/contacts',
      tags,
      summary: "A customer's contacts",
      request: { params: IdParam },
      responses: { 200: ok(z.object({ items: z.array(Contact) })), ...errors },
    }),
    async (c) => {
      const rows = await viewContacts(deps, principal(c), c.req.valid('param').id);
      return c.json({ items: rows.map(presentContact) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/companies/{id}/contacts',
      tags,
      summary: 'Add a contact (payer / invoice recipient) to a customer',
      request: { params: IdParam, ...jsonBody(ContactCreate) },
      responses: { 201: ok(Contact, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      const contactId = await createContact(deps, p, id, c.req.valid('json'));
      const created = (await viewContacts(deps, p, id)).find((x) => x.id === contactId);
      if (!created) throw new Error('contact vanished right after insert');
      return c.json(presentContact(created), 201);
    },
  );
};
