import { createRoute, z } from '@hono/zod-openapi';
import { Filed } from '@kaidan/shared/contracts/requests';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { claimRequest, getRequest, releaseRequest } from '.';

const tags = ['requests'];
const on = (verb: 'claim' | 'release', summary: string) =>
  createRoute({
    method: 'post',
    path: `/api/v1/requests/{id}/${verb}`,
    tags,
    summary,
    request: { params: IdParam, ...jsonBody(z.object({})) },
    responses: { 200: ok(Filed), ...errors },
  });

/** Issue #3: a named owner for every request of the queue. */
export const registerClaimRoutes: RegisterRoutes = (app, deps) => {
  app.openapi(
    on('claim', 'A member of the owning team takes a submitted request; 409 names whoever holds it'),
    async (c) => {
      const id = c.req.valid('param').id;
      await claimRequest(deps, principal(c), id);
      const { request: r } = await getRequest(deps, principal(c), id);
      return c.json({ id, number: r.number, state: r.state }, 200);
    },
  );
  app.openapi(on('release', 'The holder (or an admin) gives a claimed request back'), async (c) => {
    const id = c.req.valid('param').id;
    await releaseRequest(deps, principal(c), id);
    const { request: r } = await getRequest(deps, principal(c), id);
    return c.json({ id, number: r.number, state: r.state }, 200);
  });
};
