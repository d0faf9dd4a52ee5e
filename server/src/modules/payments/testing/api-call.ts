import { randomBytes } from 'node:crypto';

/**
 * Calls the API over real HTTP as a signed-in user (tests only): that user's session cookie, a JSON body,
 * and a fresh Idempotency-Key on every call — the API wants one on every POST (invariant 6), and these
 * tests never mean to replay one. A body that is not JSON answers `json: null`.
 */
export function apiCaller<Who, Json = Record<string, unknown>>(base: string, cookieOf: (who: Who) => string) {
  return async (who: Who, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: {
        cookie: cookieOf(who),
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json().catch(() => null)) as Json };
  };
}
