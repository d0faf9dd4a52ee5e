import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { dropPrincipalsOf } from './drop-principals';
import { MANAGE_USERS } from './roles';
import { deleteUserSessions } from './session-store';
import { setUserState, userById } from './user-store';

/** Disabling ends the user's sessions at once; its API keys stop working because the user is checked too. */
export async function disableUser(
  deps: Deps,
  p: Principal,
  userId: string,
  reason: string | null,
): Promise<void> {
  requireRole(p, MANAGE_USERS, { zh: '停用用户', en: 'disable users' });
  if (p.userId === userId)
    throw new AppError({
      status: 422,
      code: 'CANNOT_DISABLE_SELF',
      message: { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
      fixes: [{ zh: '请另一位管理员操作', en: 'Ask another admin' }],
    });
  await transact(deps.database.db, async (tx) => {
    const u = await userById(tx, userId);
    if (!u) throw notFound({ zh: '用户', en: 'User' });
    if (!(await setUserState(tx, userId, 'active', 'disabled')))
      throw conflict('ALREADY_DISABLED', { zh: '该用户已停用', en: 'The user is already disabled' });
    await deleteUserSessions(tx, userId);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'user',
      objectId: userId,
      action: 'disable',
      stateBefore: 'active',
      stateAfter: 'disabled',
      reason,
    });
  });
  dropPrincipalsOf(deps, userId);
}
