import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { companyById } from './company-store';
import { partnerById } from './partner-store';
import { hashPassword } from './password';
import { checkUser, type UserInput } from './user';
import { emailTaken, insertUser } from './user-store';
import { fieldError, refuseIfAny } from './validation';

/** Admins create users; the CLI and seeds act as the system principal. Returns the new user's id. */
export async function createUser(
  deps: Deps,
  input: UserInput,
  by: Principal = systemPrincipal('cli'),
): Promise<string> {
  requireRole(by, ['admin'], { zh: '创建用户', en: 'create users' });
  refuseIfAny(checkUser(input));
  // Hashing is slow on purpose; do it before the transaction holds a connection.
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const at = deps.clock.now();
  const id = newId('usr', at.epochMilliseconds);
  const email = input.email.trim();
  return transact(deps.database.db, async (tx) => {
    const missing = [];
    if (input.partnerId && !(await partnerById(tx, input.partnerId)))
      missing.push(fieldError('partnerId', 'not_found', '渠道不存在', 'No such partner'));
    if (input.companyId && !(await companyById(tx, input.companyId)))
      missing.push(fieldError('companyId', 'not_found', '公司不存在', 'No such company'));
    refuseIfAny(missing);
    if (await emailTaken(tx, email))
      throw conflict('EMAIL_TAKEN', { zh: `邮箱已被使用：${email}`, en: `Email already in use: ${email}` });
    const row = {
      id,
      email,
      name: input.name.trim(),
      roles: [...new Set(input.roles)],
      partner_id: input.partnerId ?? null,
      company_id: input.companyId ?? null,
      locale: input.locale ?? ('zh-CN' as const),
      created_at: toDate(at),
    };
    await insertUser(tx, { ...row, password_hash: passwordHash });
    await appendAudit(tx, deps.clock, actorOf(by), {
      objectType: 'user',
      objectId: id,
      action: 'create',
      stateAfter: 'active',
      after: row,
    });
    return id;
  });
}
