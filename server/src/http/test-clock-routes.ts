import { createRoute, z } from '@hono/zod-openapi';
import { Temporal } from 'temporal-polyfill';
import { invalid } from '../platform/errors';
import { requireRole } from '../platform/principal';
import type { TestClock } from '../platform/test-clock';
import { principal } from './auth';
import type { App } from './env';
import { errors, jsonBody, ok } from './route-kit';

const State = z.object({
  enabled: z.literal(true),
  now: z.string().describe('The server’s time, as every use case and job sees it'),
  realNow: z.string(),
  offsetSeconds: z.number(),
});
const Move = z
  .object({
    now: z.string().datetime({ offset: true }).optional().describe('Set the time (never earlier than now)'),
    advance: z.string().max(64).optional().describe('ISO 8601 duration to move forward, e.g. P3D or PT2H'),
  })
  .strict();

const ADMIN = { zh: '使用测试时钟', en: 'use the test clock' };

/** S-18: only registered when KAIDAN_TEST_CLOCK=1; without the flag the route does not exist (404). */
export function registerTestClockRoutes(app: App, clock: TestClock): void {
  const state = () => ({
    enabled: true as const,
    now: clock.now().toString(),
    realNow: clock.realNow().toString(),
    offsetSeconds: Math.round(clock.offsetMs / 1000),
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/test-clock',
      tags: ['platform'],
      summary: 'S-18 the test clock (admin; only with KAIDAN_TEST_CLOCK=1)',
      responses: { 200: ok(State), ...errors },
    }),
    (c) => {
      requireRole(principal(c), ['admin'], ADMIN);
      return c.json(state(), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/test-clock',
      tags: ['platform'],
      summary: 'S-18 set ({"now": ISO}) or advance ({"advance": "P3D"}) the server’s time; never backwards',
      request: jsonBody(Move),
      responses: { 200: ok(State), ...errors },
    }),
    async (c) => {
      requireRole(principal(c), ['admin'], ADMIN);
      const body = c.req.valid('json');
      if ((body.now === undefined) === (body.advance === undefined))
        throw invalid('now', 'ONE_OF_NOW_OR_ADVANCE', {
          zh: '请给出 now 或 advance 之一',
          en: 'Give exactly one of now or advance',
        });
      if (body.now !== undefined) await clock.set(Temporal.Instant.from(body.now));
      else await clock.advance(durationOf(body.advance ?? ''));
      return c.json(state(), 200);
    },
  );
}

function durationOf(text: string): Temporal.Duration {
  try {
    return Temporal.Duration.from(text);
  } catch {
    throw invalid('advance', 'INVALID_DURATION', {
      zh: `“${text}”不是 ISO 8601 时长（例如 P3D、PT2H）`,
      en: `"${text}" is not an ISO 8601 duration (e.g. P3D, PT2H)`,
    });
  }
}
