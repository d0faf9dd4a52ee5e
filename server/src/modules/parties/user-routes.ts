import { createRoute, z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  ApiKey,
  ApiKeyCreate,
  ListedUser,
  NewApiKey,
  Reason,
  User,
  UserCreate,
  UserQuery,
  UserUpdate,
} from '@kaidan/shared/contracts/parties';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import { createApiKey } from './create-api-key';
import { createUser } from './create-user';
import { disableUser } from './disable-user';
import { enableUser } from './enable-user';
import { exportUsers } from './export-parties';
import { USER_CSV_HEADER, userCsvRow } from './parties-csv';
import { presentApiKey, presentListedUser, presentUser } from './parties-present';
import { revokeApiKey } from './revoke-api-key';
import { updateUserDetails } from './update-user';
import { viewApiKeys, viewUser, viewUsers } from './view-parties';

const tags = ['users'];
const route = <P extends string>(method: 'get' | 'post' | 'patch', path: P, summary: string) => ({
  method,
  path,
  tags,
  summary,
});

// Users and their API keys: every route is admin-only (checked in the use cases), except revoking
// one's own key.
export const registerUserRoutes: RegisterRoutes = (app, deps) => {
  const userOut = async (p: ReturnType<typeof principal>, id: string) =>
    presentUser(await viewUser(deps, p, id));

  app.openapi(
    createRoute({
      ...route('get', '/api/v1/users', 'Users (admin): search, role, state, binding, sort, keyset cursor'),
      request: { query: UserQuery },
      responses: { 200: ok(page(ListedUser)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewUsers(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentListedUser), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('get', '/api/v1/users/export', 'R39 the filtered, sorted users as CSV or XLSX (admin)'),
      request: { query: UserQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const rows = await exportUsers(deps, principal(c), q);
      const name = `users-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, USER_CSV_HEADER, rows.map(userCsvRow));
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/users', 'Create a user with roles (admin)'),
      request: jsonBody(UserCreate),
      responses: { 201: ok(User, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      return c.json(await userOut(p, await createUser(deps, c.req.valid('json'), p)), 201);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'patch',
        '/api/v1/users/{id}',
        "Change a user's roles, partner/company binding, name or language (admin; version required)",
      ),
      request: { params: IdParam, ...jsonBody(UserUpdate) },
      responses: { 200: ok(User), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updateUserDetails(deps, p, id, c.req.valid('json'));
      return c.json(await userOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/users/{id}/disable',
        'Disable a user: ends its sessions and stops its API keys (admin)',
      ),
      request: { params: IdParam, ...jsonBody(Reason) },
      responses: { 200: ok(User), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await disableUser(deps, p, id, c.req.valid('json').reason ?? null);
      return c.json(await userOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/users/{id}/enable',
        'Re-enable a disabled user; its unrevoked API keys work again (admin)',
      ),
      request: { params: IdParam, ...jsonBody(Reason) },
      responses: { 200: ok(User), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await enableUser(deps, p, id, c.req.valid('json').reason ?? null);
      return c.json(await userOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('get', '/api/v1/users/{id}/api-keys', "A user's API keys, without secrets (admin)"),
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
      ...route(
        'post',
        '/api/v1/users/{id}/api-keys',
        'Create an API key for a user; the secret is returned once (admin)',
      ),
      request: { params: IdParam, ...jsonBody(ApiKeyCreate) },
      responses: { 201: ok(NewApiKey, 'Created'), ...errors },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const key = await createApiKey(deps, principal(c), id, body.name ?? null, body.expiresAt ?? null);
      return c.json(key, 201);
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/api-keys/{id}/revoke', 'Revoke an API key (admin, or the key owner)'),
      request: { params: IdParam, ...jsonBody(Reason) },
      responses: { 204: { description: 'Revoked' }, ...errors },
    }),
    async (c) => {
      await revokeApiKey(deps, principal(c), c.req.valid('param').id, c.req.valid('json').reason ?? null);
      return c.body(null, 204);
    },
  );
};
