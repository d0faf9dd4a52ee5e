import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Database } from '../platform/db/database';
import type { Deps } from '../platform/deps';
import type { Principal } from '../platform/principal';
import type { TestClock } from '../platform/test-clock';

export interface AppDeps extends Deps {
  /** the HTTP layer also needs the engine's name (health) and the request scope (idempotency) */
  database: Database;
  log?: Logger;
  config?: HttpConfig;
  /** S-18: set only with KAIDAN_TEST_CLOCK=1, and then the same object as `clock`. */
  testClock?: TestClock;
}

/** Deployment facts the HTTP layer acts on; main.ts reads them from the environment. */
export interface HttpConfig {
  /** PUBLIC_URL: when https, the session cookie is Secure and HSTS is sent. */
  publicUrl?: string;
  /** TRUST_PROXY=1: X-Forwarded-For and X-Forwarded-Proto come from our own reverse proxy. */
  trustProxy?: boolean;
}

/** Hono context variables: the authenticated principal, or null for an anonymous request. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

export type App = OpenAPIHono<AppEnv>;

/** Each module's *-routes.ts exports one of these; the wiring root (server/src/app.ts) lists them all. */
export type RegisterRoutes = (app: App, deps: AppDeps) => void;
