import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { principalOfApiKey, principalOfSession, SESSION_COOKIE } from '../modules/parties';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import type { AppDeps, AppEnv } from './env';

/**
 * Resolves `Authorization: Bearer kd_live_…` (channel 'api') or the `kaidan_session` cookie (channel
 * 'console') into the principal; anything unknown, expired or revoked leaves the request anonymous, and
 * routes that need a principal answer 401 through `principal(c)`.
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const cookie = getCookie(c, SESSION_COOKIE);
    let p: Principal | null = null;
    if (bearer) p = await principalOfApiKey(deps, bearer);
    else if (cookie) p = await principalOfSession(deps, cookie);
    c.set('principal', p);
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
