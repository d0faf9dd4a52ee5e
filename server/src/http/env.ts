import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/database';
import type { Principal } from '../platform/principal';

export interface AppDeps {
  database: Database;
  clock: Clock;
  log?: Logger;
}

/** Hono context variables: the authenticated principal, or null for an anonymous request. */
export interface AppEnv {
  Variables: { principal: Principal | null };
}

export type App = OpenAPIHono<AppEnv>;

/** Each module's *-routes.ts exports one of these; app.ts calls them all. */
export type RegisterRoutes = (app: App, deps: AppDeps) => void;
