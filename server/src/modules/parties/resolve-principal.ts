import { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import type { CachedCredential } from '../../platform/principal-cache';
import { liveApiKey, touchApiKey } from './api-key-store';
import { sha256 } from './password';
import { sessionExpiry, TOUCH_EVERY } from './session';
import { liveSession, touchSession } from './session-store';
import { principalFrom } from './user';

const due = (last: Date | null, now: Temporal.Instant) =>
  !last ||
  Temporal.Instant.compare(Temporal.Instant.fromEpochMilliseconds(last.getTime()).add(TOUCH_EVERY), now) <= 0;

/**
 * The credential row of `key` from the cache (deps.principals, when the wiring root gave one) or else
 * from `read`, which the cache then keeps. Unknown credentials are not kept: they cost a read each time,
 * as before, and a key created later is never shadowed by a remembered miss.
 */
async function credential(
  deps: Deps,
  key: string,
  read: () => Promise<CachedCredential | undefined>,
): Promise<CachedCredential | undefined> {
  const cache = deps.principals;
  const hit = cache?.get(key);
  if (hit) return hit;
  const ticket = cache?.ticket();
  const row = await read();
  if (row && cache && ticket !== undefined) cache.put(key, row, ticket);
  return row;
}

/** The principal of a console session cookie, or null when unknown, expired or the user is disabled. */
export async function principalOfSession(deps: Deps, token: string): Promise<Principal | null> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const hash = sha256(token);
  const key = `session:${hash}`;
  const read = () => liveSession(db, hash, toDate(now));
  let s = await credential(deps, key, read);
  // A cached session past its expiry may have been slid on by another process: ask the database.
  if (s?.expires_at && s.expires_at.getTime() <= now.epochMilliseconds) {
    deps.principals?.delete(key);
    s = await credential(deps, key, read);
  }
  if (!s) return null;
  if (due(s.last_seen_at, now)) {
    const created = Temporal.Instant.fromEpochMilliseconds(s.created_at.getTime());
    const expires = toDate(sessionExpiry(created, now));
    await touchSession(db, s.credential_id, toDate(now), expires);
    // The cached row (if any) is this object: it now says when the session was last touched.
    s.last_seen_at = toDate(now);
    s.expires_at = expires;
  }
  return principalFrom({ id: s.user_id, ...s }, 'console');
}

// Unlike an unknown key (anonymous, so public routes still answer), an expired one is named: the
// integrator's fix is a new key, not a typo hunt.
const apiKeyExpired = (at: Date) =>
  new AppError({
    status: 401,
    code: 'API_KEY_EXPIRED',
    message: {
      zh: `API 密钥已于 ${at.toISOString()} 过期`,
      en: `The API key expired at ${at.toISOString()}`,
    },
    fixes: [{ zh: '请管理员创建新的 API 密钥', en: 'Ask an admin for a new API key' }],
    details: { expiredAt: at.toISOString() },
  });

/**
 * The principal of an API key (channel 'api'), or null when unknown, revoked or the user is disabled;
 * an expired key is refused with 401 API_KEY_EXPIRED.
 */
export async function principalOfApiKey(deps: Deps, key: string): Promise<Principal | null> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const hash = sha256(key);
  const k = await credential(deps, `key:${hash}`, () => liveApiKey(db, hash));
  if (!k) return null;
  // Judged on every request, cached row or not, against the injected clock.
  if (k.expires_at && k.expires_at.getTime() <= now.epochMilliseconds) throw apiKeyExpired(k.expires_at);
  if (due(k.last_seen_at, now)) {
    await touchApiKey(db, k.credential_id, toDate(now));
    // Remembered on the cached row, so the touch stays one statement per TOUCH_EVERY, not per request.
    k.last_seen_at = toDate(now);
  }
  return principalFrom({ id: k.user_id, ...k }, 'api');
}
