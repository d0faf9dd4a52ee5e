import { newId } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { insertApiKey } from './api-key-store';
import { newSecret, sha256 } from './password';
import { MANAGE_USERS } from './roles';
import { API_KEY_PREFIX } from './session';
import { userById } from './user-store';
import { clean } from './validation';

export interface NewApiKey {
  id: string;
  /** Shown once; only its sha256 is kept. */
  secret: string;
  prefix: string;
}

/** An API key acts as its user (same roles and scope) through channel 'api'. */
export async function createApiKey(
  deps: Deps,
  p: Principal,
  userId: string,
  name: string | null,
  expiresAt: string | null = null,
): Promise<NewApiKey> {
  requireRole(p, MANAGE_USERS, { zh: '创建 API 密钥', en: 'create API keys' });
  const at = deps.clock.now();
  const expires = expiresAt ? Temporal.Instant.from(expiresAt) : null;
  if (expires && Temporal.Instant.compare(expires, at) <= 0)
    throw invalid('expiresAt', 'EXPIRY_NOT_IN_FUTURE', {
      zh: `过期时间须晚于当前时间（${at.toString()}）`,
      en: `The expiry must be after now (${at.toString()})`,
    });
  const secret = `${API_KEY_PREFIX}${newSecret()}`;
  const key = {
    id: newId('key', at.epochMilliseconds),
    user_id: userId,
    name: clean(name) ?? 'API key',
    prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
    created_by: p.userId,
    created_at: toDate(at),
    expires_at: expires ? toDate(expires) : null,
  };
  await transact(deps.database.db, async (tx) => {
    if (!(await userById(tx, userId))) throw notFound({ zh: '用户', en: 'User' });
    await insertApiKey(tx, { ...key, key_hash: sha256(secret) });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'api_key',
      objectId: key.id,
      action: 'create',
      stateAfter: 'active',
      after: key,
    });
  });
  return { id: key.id, secret, prefix: key.prefix };
}
