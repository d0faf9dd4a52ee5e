import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, type Role, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { companyById } from './company-store';
import { dropPrincipalsOf } from './drop-principals';
import { partnerById } from './partner-store';
import { MANAGE_USERS } from './roles';
import { checkUser } from './user';
import { type UserChanges, type UserRow, updateUser, userById } from './user-store';
import { clean, fieldError, refuseIfAny } from './validation';

export interface UserPatch {
  version: number;
  name?: string;
  roles?: Role[];
  partnerId?: string | null;
  companyId?: string | null;
  locale?: 'zh-CN' | 'en-US';
}

const changesOf = (u: UserRow): UserChanges => ({
  name: u.name,
  roles: u.roles,
  partner_id: u.partner_id,
  company_id: u.company_id,
  locale: u.locale,
});

/**
 * Changes a user's roles, binding, name or language. New roles apply to open sessions and API keys on
 * their next request (the credential cache drops the user's entries after the commit); the role rules (an external user
 * acts for exactly one party) are checked on the merged record, as at creation.
 */
export async function updateUserDetails(
  deps: Deps,
  p: Principal,
  id: string,
  patch: UserPatch,
): Promise<void> {
  requireRole(p, MANAGE_USERS, { zh: '修改用户', en: 'change users' });
  await transact(deps.database.db, async (tx) => {
    const before = await userById(tx, id);
    if (!before) throw notFound({ zh: '用户', en: 'User' });
    const after: UserChanges = {
      name: patch.name === undefined ? before.name : patch.name.trim(),
      roles: patch.roles === undefined ? before.roles : [...new Set(patch.roles)],
      partner_id: patch.partnerId === undefined ? before.partner_id : clean(patch.partnerId),
      company_id: patch.companyId === undefined ? before.company_id : clean(patch.companyId),
      locale: patch.locale ?? before.locale,
    };
    const errors = checkUser({
      email: before.email,
      name: after.name,
      roles: after.roles,
      partnerId: after.partner_id,
      companyId: after.company_id,
    });
    // An admin who drops its own admin role could leave nobody able to undo it.
    if (p.userId === id && before.roles.includes('admin') && !after.roles.includes('admin'))
      errors.push(
        fieldError(
          'roles',
          'cannot_demote_self',
          '不能移除自己的管理员角色，请另一位管理员操作',
          'You cannot remove your own admin role; ask another admin',
        ),
      );
    if (after.partner_id && !(await partnerById(tx, after.partner_id)))
      errors.push(fieldError('partnerId', 'not_found', '渠道不存在', 'No such partner'));
    if (after.company_id && !(await companyById(tx, after.company_id)))
      errors.push(fieldError('companyId', 'not_found', '公司不存在', 'No such company'));
    refuseIfAny(errors);
    if (!(await updateUser(tx, id, patch.version, after)))
      throw versionConflict({ zh: '用户资料', en: 'user' }, before.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'user',
      objectId: id,
      action: 'update',
      before: changesOf(before),
      after,
    });
  });
  dropPrincipalsOf(deps, id);
}
