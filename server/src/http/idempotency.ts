import { createHash } from 'node:crypto';
import type { Context, Env, MiddlewareHandler, Next } from 'hono';
import { type Clock, toDate } from '../platform/clock';
import type { Database } from '../platform/db/database';
import { AppError } from '../platform/errors';
import { lockAndReadKey, readKey, type StoredKey, storeKey } from '../platform/idempotency/idempotency-store';
import { problem } from './problem';

type Outcome = StoredKey | 'in-flight' | 'refused' | 'raced' | 'done';

/** Seconds a client is told to wait when the first request with its key is still running. */
const RETRY_AFTER_S = 1;

/**
 * Idempotency-Key on POST (invariant 6). The request runs in one transaction (a request scope) that also
 * stores its answer, so the answer is kept exactly when the effect is: after a crash at any point a retry
 * either replays the answer or runs for the first time. A duplicate arriving while the first is in flight
 * gets 409 with Retry-After; the same key with another body gets 422.
 */
export function idempotency<E extends Env>(
  database: Database,
  clock: Clock,
  principalOf: (c: Context<E>) => string,
): MiddlewareHandler<E> {
  const inFlight = new Set<string>();
  return async (c, next) => {
    const key = c.req.header('idempotency-key');
    // Sign-in and sign-out change no business state and answer with cookies, which a replay cannot carry.
    if (c.req.method !== 'POST' || !key || c.req.path.startsWith('/api/v1/auth/')) return next();
    const principal = principalOf(c);
    const slot = `${principal} ${key}`;
    // Seen here first, before waiting for a connection (PGlite has one): this process is already running it.
    if (inFlight.has(slot)) return inProgress(c);
    inFlight.add(slot);
    try {
      return await run(c, next, principal, key);
    } finally {
      inFlight.delete(slot);
    }
  };

  async function run(
    c: Context<E>,
    next: Next,
    principal: string,
    key: string,
  ): Promise<Response | undefined> {
    // The body's bytes, not its text: an upload (a spreadsheet) must reach the handler unaltered, and a
    // UTF-8 body hashes the same either way.
    const hash = createHash('sha256')
      .update(`${c.req.method} ${c.req.path}\n`)
      .update(new Uint8Array(await c.req.arrayBuffer()))
      .digest('hex');
    const outcome = await database.inScope<Outcome>(async () => {
      const { locked, stored } = await lockAndReadKey(database.db, principal, key);
      if (!locked) return { commit: false, value: 'in-flight' };
      if (stored) return { commit: false, value: stored };
      await next();
      const status = c.res.status;
      // A refusal undoes whatever the handler wrote; it is stored after the rollback (below).
      if (status >= 400) return { commit: false, value: 'refused' };
      const body = await c.res.clone().text();
      const now = toDate(clock.now());
      if (await storeKey(database.db, { principal, key, hash, status, body, now })) {
        return { commit: true, value: 'done' };
      }
      return { commit: false, value: 'raced' };
    });
    if (outcome === 'done') return;
    if (outcome === 'in-flight') return inProgress(c);
    if (outcome === 'refused') {
      const body = await c.res.clone().text();
      if (!transient(c.res.status, body)) {
        const now = toDate(clock.now());
        await storeKey(database.db, { principal, key, hash, status: c.res.status, body, now });
      }
      return;
    }
    return replay(outcome === 'raced' ? await readKey(database.db, principal, key) : outcome, hash);
  }
}

function replay(stored: StoredKey | undefined, hash: string): Response {
  if (!stored || stored.status === null) throw new Error('An idempotency key was stored without its answer');
  if (stored.request_hash !== hash) throw reused();
  return new Response(stored.body, {
    status: stored.status,
    headers: {
      'content-type': stored.status >= 400 ? 'application/problem+json' : 'application/json',
      'idempotent-replayed': 'true',
    },
  });
}

function inProgress(c: Context): Response {
  const res = problem(
    c,
    new AppError({
      status: 409,
      code: 'IDEMPOTENCY_IN_PROGRESS',
      message: {
        zh: '同一幂等键的请求仍在处理中',
        en: 'A request with this Idempotency-Key is still in progress',
      },
      fixes: [
        {
          zh: `${RETRY_AFTER_S} 秒后用同一幂等键重试`,
          en: `Retry in ${RETRY_AFTER_S} s with the same Idempotency-Key`,
        },
      ],
    }),
  );
  res.headers.set('Retry-After', String(RETRY_AFTER_S));
  return res;
}

/**
 * An answer that says "try again" is not the request's outcome: a 5xx, a throttle (429) or a concurrency
 * conflict (409 RETRY, a serialization failure or deadlock). It is not stored, so the retry runs.
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
