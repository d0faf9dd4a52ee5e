import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { MANAGE_USERS } from './roles';
import { setUserState, userById } from './user-store';

/**
 * Re-enables a disabled user: it may sign in again, and its API keys that were never revoked work again
 * (disabling stopped them through the user's state, not by revoking them).
 */
export async function enableUser(
  deps: Deps,
  p: Principal,
  userId: string,
  reason: string | null,
): Promise<void> {
  requireRole(p, MANAGE_USERS, { zh: '启用用户', en: 'enable users' });
  await transact(deps.database.db, async (tx) => {
    if (!(await userById(tx, userId))) throw notFound({ zh: '用户', en: 'User' });
    if (!(await setUserState(tx, userId, 'disabled', 'active')))
      throw conflict('ALREADY_ACTIVE', { zh: '该用户已是启用状态', en: 'The user is already active' });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'user',
      objectId: userId,
      action: 'enable',
      stateBefore: 'disabled',
      stateAfter: 'active',
      reason,
    });
  });
}
