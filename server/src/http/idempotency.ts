import { createHash } from 'node:crypto';
import type { Context, Env, MiddlewareHandler } from 'hono';
import { type Clock, toDate } from '../platform/clock';
import type { Db } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { claimKey, completeKey, readKey, releaseKey } from '../platform/idempotency/idempotency-store';

const WAIT_MS = 15;
const MAX_WAIT_MS = 30_000;

/**
 * Idempotency-Key on POST: the first request owns the key and its response is stored; duplicates wait
 * for it and replay it (one effect, even when they race); the same key with another body is a 422.
 */
export function idempotency<E extends Env>(
  db: Db,
  clock: Clock,
  principalOf: (c: Context<E>) => string,
): MiddlewareHandler<E> {
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    // Sign-in and sign-out change no business state and answer with cookies, which a replay cannot carry.
    if (c.req.method !== 'POST' || !key || c.req.path.startsWith('/api/v1/auth/')) return next();
    const principal = principalOf(c);
    const hash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n${await c.req.text()}`)
      .digest('hex');
    const claim = () => claimKey(db, principal, key, hash, toDate(clock.now()));
    const runOwned = async () => {
      await next();
      const body = await c.res.clone().text();
      if (transient(c.res.status, body)) return releaseKey(db, principal, key);
      await completeKey(db, principal, key, c.res.status, body);
    };
    if (await claim()) return runOwned();
    for (let waited = 0; waited < MAX_WAIT_MS; waited += WAIT_MS) {
      const stored = await readKey(db, principal, key);
      if (stored && stored.request_hash !== hash) throw reused();
      if (stored?.state === 'done' && stored.status !== null) {
        return new Response(stored.body, {
          status: stored.status,
          headers: {
            'content-type': stored.status >= 400 ? 'application/problem+json' : 'application/json',
            'idempotent-replayed': 'true',
          },
        });
      }
      // The owner failed and gave the key back: this duplicate becomes the owner.
      if (!stored && (await claim())) return runOwned();
      await new Promise((r) => setTimeout(r, WAIT_MS));
    }
    throw new AppError({
      status: 409,
      code: 'IDEMPOTENCY_IN_PROGRESS',
      message: {
        zh: '同一幂等键的请求仍在处理中',
        en: 'A request with this Idempotency-Key is still in progress',
      },
      fixes: [{ zh: '稍后用同一幂等键重试', en: 'Retry later with the same Idempotency-Key' }],
    });
  };
}

/**
 * An answer that says "try again" is not the request's outcome: a 5xx, a throttle (429) or a concurrency
 * conflict (409 RETRY, a serialization failure or deadlock). Its key goes back so the retry runs, rather
 * than replaying "retry" forever.
 */
function transient(status: number, body: string): boolean {
  if (status >= 500 || status === 429) return true;
  if (status !== 409) return false;
  try {
    return (JSON.parse(body) as { code?: unknown }).code === 'RETRY';
  } catch {
    return false;
  }
}

function reused(): AppError {
  return new AppError({
    status: 422,
    code: 'IDEMPOTENCY_KEY_REUSED',
    message: {
      zh: '该幂等键已用于另一个不同的请求',
      en: 'This Idempotency-Key was already used for a different request',
    },
    fields: [{ field: 'Idempotency-Key', code: 'reused', message: { zh: '幂等键重复', en: 'Key reused' } }],
    fixes: [{ zh: '为新请求生成新的幂等键', en: 'Use a new Idempotency-Key for a new request' }],
  });
}
