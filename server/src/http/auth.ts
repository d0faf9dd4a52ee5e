import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import type { AppEnv } from './env';

/** What a request presents to be recognised: its `Authorization: Bearer …` token and its cookies. */
export interface Credentials {
  bearer: string | undefined;
  cookie(name: string): string | undefined;
}

/**
 * Turns a request's credentials into its principal, or null for an anonymous request. The kit knows no
 * module: the wiring root (server/src/app.ts) passes the parties module's resolver.
 */
export type ResolvePrincipal = (credentials: Credentials) => Promise<Principal | null>;

/**
 * Sets the request's principal from `resolve`; unknown, expired or revoked credentials leave it anonymous,
 * and routes that need a principal answer 401 through `principal(c)`.
 */
export function authenticate(resolve: ResolvePrincipal): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    c.set('principal', await resolve({ bearer, cookie: (name) => getCookie(c, name) }));
    await next();
  };
}

/** The signed-in principal, or 401 with a sign-in hint. */
export function principal(c: Context<AppEnv>): Principal {
  const p = c.get('principal');
  if (p) return p;
  throw new AppError({
    status: 401,
    code: 'UNAUTHENTICATED',
    message: { zh: '请先登录', en: 'Sign in first' },
    fixes: [
      {
        zh: '登录控制台，或在 Authorization 头中提供 API 密钥',
        en: 'Sign in, or send an API key in the Authorization header',
      },
    ],
  });
}
