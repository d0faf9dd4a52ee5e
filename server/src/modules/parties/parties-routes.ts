import { createRoute, z } from '@hono/zod-openapi';
import { Cursor, page } from '@kaidan/shared/contracts/common';
import {
  ApiKey,
  ApiKeyCreate,
  LoginBody,
  LoginResult,
  Me,
  NewApiKey,
  Partner,
  PartnerCreate,
  PartnerUpdate,
  Reason,
  User,
  UserCreate,
  UserQuery,
} from '@kaidan/shared/contracts/parties';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { principal } from '../../http/auth';
import type { AppEnv, RegisterRoutes } from '../../http/env';
import { paged } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { registerCompanyRoutes } from './company-routes';
import { createApiKey } from './create-api-key';
import { createPartner } from './create-partner';
import { createUser } from './create-user';
import { disableUser } from './disable-user';
import { presentApiKey, presentMe, presentPartner, presentUser } from './parties-present';
import { principalOfSession } from './resolve-principal';
import { revokeApiKey } from './revoke-api-key';
import { ABSOLUTE, SESSION_COOKIE } from './session';
import { signIn } from './sign-in';
import { signOut } from './sign-out';
import { updatePartnerDetails } from './update-partner';
import { viewApiKeys, viewMe, viewPartner, viewPartners, viewUser, viewUsers } from './view-parties';

const secure = (c: Context<AppEnv>) =>
  new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';

export const registerPartiesRoutes: RegisterRoutes = (app, deps) => {
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
      const s = await signIn(deps, c.req.valid('json'));
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

  const users = ['users'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/users',
      tags: users,
      summary: 'Users (admin)',
      request: { query: UserQuery },
      responses: { 200: ok(page(User)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewUsers(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(paged(rows, q.limit, presentUser), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users',
      tags: users,
      summary: 'Create a user with roles (admin)',
      request: jsonBody(UserCreate),
      responses: { 201: ok(User, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const id = await createUser(deps, c.req.valid('json'), p);
      return c.json(presentUser(await viewUser(deps, p, id)), 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users/{id}/disable',
      tags: users,
      summary: 'Disable a user: ends its sessions and stops its API keys (admin)',
      request: { params: IdParam, ...jsonBody(Reason) },
      responses: { 200: ok(User), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await disableUser(deps, p, id, c.req.valid('json').reason ?? null);
      return c.json(presentUser(await viewUser(deps, p, id)), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/users/{id}/api-keys',
      tags: users,
      summary: "A user's API keys, without secrets (admin)",
      request: { params: IdParam },
      responses: { 200: ok(z.object({ items: z.array(ApiKey) })), ...errors },
    }),
    async (c) => {
      const rows = await viewApiKeys(deps, principal(c), c.req.valid('param').id);
      return c.json({ items: rows.map(presentApiKey) }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/users/{id}/api-keys',
      tags: users,
      summary: 'Create an API key for a user; the secret is returned once (admin)',
      request: { params: IdParam, ...jsonBody(ApiKeyCreate) },
      responses: { 201: ok(NewApiKey, 'Created'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const key = await createApiKey(deps, principal(c), id, c.req.valid('json').name ?? null);
      return c.json(key, 201);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/api-keys/{id}/revoke',
      tags: users,
      summary: 'Revoke an API key (admin, or the key owner)',
      request: { params: IdParam, ...jsonBody(Reason) },
      responses: { 204: { description: 'Revoked' }, ...errors },
    }),
    async (c) => {
      await revokeApiKey(deps, principal(c), c.req.valid('param').id, c.req.valid('json').reason ?? null);
      return c.body(null, 204);
    },
  );

  const partners = ['partners'];
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/partners',
      tags: partners,
      summary: 'Partners (a partner agent sees its own)',
      request: { query: Cursor },
      responses: { 200: ok(page(Partner)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewPartners(deps, principal(c), { after: q.after, limit: q.limit + 1 });
      return c.json(paged(rows, q.limit, presentPartner), 200);
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
};
