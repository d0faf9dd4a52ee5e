import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { AppError } from '../platform/errors';
import { authenticate, type ResolvePrincipal } from './auth';
import { fromDbError, fromHttpException } from './db-errors';
import type { AppDeps, AppEnv, RegisterRoutes } from './env';
import { fieldMessage } from './field-messages';
import { limitBodies, rejectNul, securityHeaders } from './hardening';
import { idempotency } from './idempotency';
import { problem } from './problem';
import { referencePage } from './reference-page';
import { registerTestClockRoutes } from './test-clock-routes';

export type { AppDeps } from './env';

const API_INFO = { openapi: '3.1.0', info: { title: 'Kaidan API', version: '0.2.0' } };

const Health = z.object({
  status: z.literal('ok'),
  engine: z.enum(['pglite', 'postgres']),
  now: z.string(),
  testClock: z.boolean().describe('S-18: the server runs on a test clock; the console shows a banner'),
});

const healthRoute = createRoute({
  method: 'get',
  path: '/api/v1/health',
  responses: {
    200: { description: 'Service and database are up', content: { 'application/json': { schema: Health } } },
  },
});

/** What the wiring root plugs into the kit: the modules' route registrars and the principal resolver. */
export interface AppParts {
  routes: readonly RegisterRoutes[];
  resolvePrincipal: ResolvePrincipal;
}

/**
 * The HTTP kit's app: problem+json errors, edge hardening, authentication, idempotency, health, OpenAPI and
 * its reference page, with the given modules' routes. It imports no module; server/src/app.ts assembles it.
 */
export function createHttpApp(deps: AppDeps, parts: AppParts): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const fields = result.error.issues.map((i) => ({
        field: i.path.join('.'),
        code: i.code,
        message: fieldMessage(i),
      }));
      return problem(
        c,
        new AppError({
          status: 422,
          code: 'VALIDATION_FAILED',
          message: { zh: '请求内容无效', en: 'The request is invalid' },
          fields,
        }),
      );
    },
  });
  app.onError((err, c) => {
    const mapped = err instanceof AppError ? err : (fromHttpException(err) ?? fromDbError(err));
    if (!mapped) deps.log?.error({ err }, 'unhandled');
    return problem(c, mapped ?? err);
  });
  app.use('*', securityHeaders(deps.config));
  app.use('*', limitBodies());
  app.use('*', rejectNul());
  app.use('/api/v1/*', authenticate(parts.resolvePrincipal));
  app.use(
    '/api/v1/*',
    idempotency<AppEnv>(deps.database, deps.clock, (c) => c.get('principal')?.userId ?? 'anonymous'),
  );
  app.openapi(healthRoute, async (c) => {
    await deps.database.db.selectNoFrom((eb) => eb.val(1).as('one')).execute();
    return c.json(
      {
        status: 'ok' as const,
        engine: deps.database.engine,
        now: deps.clock.now().toString(),
        testClock: deps.testClock !== undefined,
      },
      200,
    );
  });
  if (deps.testClock) registerTestClockRoutes(app, deps.testClock);
  for (const register of parts.routes) register(app, deps);
  app.doc31('/openapi.json', API_INFO);
  app.get('/docs', (c) => c.html(referencePage(app.getOpenAPI31Document(API_INFO))));
  app.notFound((c) =>
    problem(
      c,
      new AppError({ status: 404, code: 'NOT_FOUND', message: { zh: '接口不存在', en: 'No such endpoint' } }),
    ),
  );
  return app;
}
