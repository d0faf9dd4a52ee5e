import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../platform/errors';
import type { Principal } from '../platform/principal';
import type { AppDeps, AppEnv } from './env';

// Placeholder until the parties slice lands: every request is anonymous.
export function authenticate(_deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('principal', null);
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
