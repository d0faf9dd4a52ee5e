import { createRoute } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  LoginBody,
  LoginResult,
  Me,
  Partner,
  PartnerCreate,
  PartnerQuery,
  PartnerUpdate,
} from '@kaidan/shared/contracts/parties';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { principal } from '../../http/auth';
import { clientAddress, servedOverHttps } from '../../http/client';
import type { AppEnv, RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import { registerCompanyRoutes } from './company-routes';
import { createPartner } from './create-partner';
import { exportPartners } from './export-parties';
import { PARTNER_CSV_HEADER, partnerCsvRow } from './parties-csv';
import { presentMe, presentPartner } from './parties-present';
import { principalOfSession } from './resolve-principal';
import { ABSOLUTE, SESSION_COOKIE } from './session';
import { signIn } from './sign-in';
import { signOut } from './sign-out';
import { updatePartnerDetails } from './update-partner';
import { registerUserRoutes } from './user-routes';
import { viewMe, viewPartner, viewPartners } from './view-parties';

export const registerPartiesRoutes: RegisterRoutes = (app, deps) => {
  const secure = (c: Context<AppEnv>) => servedOverHttps(c, deps.config);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/login',
      tags: ['auth'],
      summary: 'Sign in with email and password; sets the HttpOnly kaidan_session cookie',
      request: jsonBody(LoginBody),
      responses: { 200: ok(LoginResult), ...errors },
    }),
    async (c) => {
      const s = await signIn(deps, c.req.valid('json'), 'console', {
        address: clientAddress(c, deps.config),
      });
      setCookie(c, SESSION_COOKIE, s.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: secure(c),
        path: '/',
        maxAge: ABSOLUTE.total('seconds'),
      });
      const p = await principalOfSession(deps, s.token);
      if (!p) throw new Error('session vanished right after sign-in');
      return c.json({ me: presentMe(await viewMe(deps, p), p), expiresAt: s.expiresAt.toISOString() }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/auth/logout',
      tags: ['auth'],
      summary: 'End the current console session',
      responses: { 204: { description: 'Signed out' }, ...errors },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      const p = c.get('principal');
      if (token && p) await signOut(deps, p, token);
      deleteCookie(c, SESSION_COOKIE, { path: '/', secure: secure(c) });
      return c.body(null, 204);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/me',
      tags: ['auth'],
      summary: 'The signed-in user, roles and partner/company scope',
      responses: { 200: ok(Me), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      return c.json(presentMe(await viewMe(deps, p), p), 200);
    },
  );

  const partners = ['partners'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partners',
      tags: partners,
      summary: 'Partners (a partner agent sees its own): search, state, sort, keyset cursor',
      request: { query: PartnerQuery },
      responses: { 200: ok(page(Partner)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewPartners(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentPartner), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partners/export',
      tags: partners,
      summary: 'R39 the filtered, sorted partners as CSV or XLSX (admin; up to 10,000 rows)',
      request: { query: PartnerQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const rows = await exportPartners(deps, principal(c), q);
      const name = `partners-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, PARTNER_CSV_HEADER, rows.map(partnerCsvRow));
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/partners',
      tags: partners,
      summary: 'Create a partner (admin)',
      request: jsonBody(PartnerCreate),
      responses: { 201: ok(Partner, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const id = await createPartner(deps, p, c.req.valid('json'));
      return c.json(presentPartner(await viewPartner(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partners/{id}',
      tags: partners,
      summary: 'A partner',
      request: { params: IdParam },
      responses: { 200: ok(Partner), ...errors },
    }),
    async (c) => c.json(presentPartner(await viewPartner(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/partners/{id}',
      tags: partners,
      summary: 'Change a partner: names, active/suspended (admin; version required)',
      request: { params: IdParam, ...jsonBody(PartnerUpdate) },
      responses: { 200: ok(Partner), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updatePartnerDetails(deps, p, id, c.req.valid('json'));
      return c.json(presentPartner(await viewPartner(deps, p, id)), 200);
    },
  );
  registerCompanyRoutes(app, deps);
  registerUserRoutes(app, deps);
};
