import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, hasRole, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { apiKeyById, revokeApiKeyRow } from './api-key-store';
import { dropPrincipalsOf } from './drop-principals';

/** Admins revoke any key, a user its own; someone else's key answers 404. Revoking twice is harmless. */
export async function revokeApiKey(
  deps: Deps,
  p: Principal,
  keyId: string,
  reason: string | null,
): Promise<void> {
  const revoked = await transact(deps.database.db, async (tx) => {
    const k = await apiKeyById(tx, keyId);
    if (!k || (!hasRole(p, 'admin') && k.user_id !== p.userId))
      throw notFound({ zh: 'API 密钥', en: 'API key' });
    if (!(await revokeApiKeyRow(tx, keyId, toDate(deps.clock.now())))) return undefined;
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'api_key',
      objectId: keyId,
      action: 'revoke',
      stateBefore: 'active',
      stateAfter: 'revoked',
      reason,
    });
    return k.user_id;
  });
  // The very next request with the key is refused: this process forgets the cached row once committed.
  if (revoked) dropPrincipalsOf(deps, revoked);
}
