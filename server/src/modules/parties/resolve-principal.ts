import { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { liveApiKey, touchApiKey } from './api-key-store';
import { sha256 } from './password';
import { sessionExpiry, TOUCH_EVERY } from './session';
import { liveSession, touchSession } from './session-store';
import { principalFrom } from './user';

const due = (last: Date | null, now: Temporal.Instant) =>
  !last ||
  Temporal.Instant.compare(Temporal.Instant.fromEpochMilliseconds(last.getTime()).add(TOUCH_EVERY), now) <= 0;

/** The principal of a console session cookie, or null when unknown, expired or the user is disabled. */
export async function principalOfSession(deps: Deps, token: string): Promise<Principal | null> {
  const { db } = deps.database;
  const now = deps.clock.now();
  const s = await liveSession(db, sha256(token), toDate(now));
  if (!s) return null;
  if (due(s.last_seen_at, now)) {
    const created = Temporal.Instant.fromEpochMilliseconds(s.created_at.getTime());
    await touchSession(db, s.credential_id, toDate(now), toDate(sessionExpiry(created, now)));
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
  const k = await liveApiKey(db, sha256(key));
  if (!k) return null;
  if (k.expires_at && k.expires_at.getTime() <= now.epochMilliseconds) throw apiKeyExpired(k.expires_at);
  if (due(k.last_seen_at, now)) await touchApiKey(db, k.credential_id, toDate(now));
  return principalFrom({ id: k.user_id, ...k }, 'api');
}
