import type { FieldError } from '../../platform/errors';
import { type Channel, type Principal, ROLES, type Role } from '../../platform/principal';
import { checkEmail, fieldError } from './validation';

export interface UserInput {
  email: string;
  name: string;
  roles: Role[];
  partnerId?: string | null;
  companyId?: string | null;
  /** Optional: a user without a password signs in only through API keys. */
  password?: string | null;
  locale?: 'zh-CN' | 'en-US';
}

export const MIN_PASSWORD = 10;

/** A partner agent or customer acts for exactly one party; mixing in staff roles would widen its scope. */
export function checkUser(u: UserInput): FieldError[] {
  const out: FieldError[] = [];
  checkEmail('email', u.email, out);
  if (!u.name?.trim()) out.push(fieldError('name', 'required', '姓名必填', 'Name is required'));
  const unknown = u.roles.filter((r) => !ROLES.includes(r));
  if (u.roles.length === 0 || unknown.length > 0)
    out.push(
      fieldError(
        'roles',
        'roles_invalid',
        `角色无效，可选：${ROLES.join(', ')}`,
        `Give one or more roles of: ${ROLES.join(', ')}`,
      ),
    );
  const external = u.roles.filter((r) => r === 'partner_agent' || r === 'customer');
  if (external.length > 0 && u.roles.length > 1)
    out.push(
      fieldError(
        'roles',
        'roles_exclusive',
        '渠道或客户角色不能与其他角色同时授予',
        'partner_agent and customer cannot be combined with other roles',
      ),
    );
  if (u.roles.includes('partner_agent') && !u.partnerId)
    out.push(
      fieldError('partnerId', 'required', '渠道用户须指定所属渠道', 'A partner agent needs a partner'),
    );
  if (u.roles.includes('customer') && !u.companyId)
    out.push(
      fieldError('companyId', 'required', '客户用户须指定所属公司', 'A customer user needs a company'),
    );
  if (u.partnerId && !u.roles.includes('partner_agent'))
    out.push(
      fieldError(
        'partnerId',
        'not_allowed',
        '只有渠道用户属于渠道',
        'Only partner agents belong to a partner',
      ),
    );
  // Staff may be scoped to a company (R21: they then see its tree only); a partner's agent never is.
  if (u.companyId && u.roles.includes('partner_agent'))
    out.push(
      fieldError(
        'companyId',
        'not_allowed',
        '渠道用户不属于客户公司',
        'A partner agent does not belong to a customer company',
      ),
    );
  if (u.password != null && u.password.length < MIN_PASSWORD)
    out.push(
      fieldError(
        'password',
        'too_short',
        `密码至少 ${MIN_PASSWORD} 位`,
        `A password needs at least ${MIN_PASSWORD} characters`,
      ),
    );
  return out;
}

/** DESIGN §1: the roles decide whose scope a user acts in. */
export function principalFrom(
  u: { id: string; roles: readonly Role[]; partner_id: string | null; company_id: string | null },
  channel: Channel,
): Principal {
  const kind = u.roles.includes('partner_agent')
    ? 'partner'
    : u.roles.includes('customer')
      ? 'customer'
      : 'staff';
  return { userId: u.id, kind, roles: u.roles, partnerId: u.partner_id, companyId: u.company_id, channel };
}
