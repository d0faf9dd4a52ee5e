import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, type FieldError } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type CompanyInput, checkCompany, toFields } from './company';
import { type CompanyFields, companyInScope, insertCompany, tenantTaken } from './company-store';
import { partnerById } from './partner-store';
import { MANAGE_COMPANIES } from './roles';
import { fieldError, refuseIfAny } from './validation';

/** Staff create any customer; a partner agent creates customers owned by its own partner. */
export async function createCompany(deps: Deps, p: Principal, input: CompanyInput): Promise<string> {
  requireRole(p, MANAGE_COMPANIES, { zh: '创建客户', en: 'create customers' });
  const fields = toFields(input);
  if (p.kind === 'partner') fields.partner_id = p.partnerId;
  refuseIfAny(checkCompany(fields));
  const at = deps.clock.now();
  const id = newId('cmp', at.epochMilliseconds);
  return transact(deps.database.db, async (tx) => {
    await checkReferences(tx, p, fields, null);
    await insertCompany(tx, id, fields, toDate(at));
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'company',
      objectId: id,
      action: 'create',
      after: fields,
    });
    return id;
  });
}

/** Parent and partner must exist (the parent also in scope); the tenant id must be free. */
export async function checkReferences(
  tx: Tx,
  p: Principal,
  f: CompanyFields,
  selfId: string | null,
): Promise<void> {
  const out: FieldError[] = [];
  if (f.parent_id && !(await companyInScope(tx, p, f.parent_id)))
    out.push(fieldError('parentId', 'not_found', '上级公司不存在或无权访问', 'Parent company not found'));
  if (f.partner_id && !(await partnerById(tx, f.partner_id)))
    out.push(fieldError('partnerId', 'not_found', '渠道不存在', 'No such partner'));
  refuseIfAny(out);
  if (f.tenant_id && (await tenantTaken(tx, f.tenant_id, selfId))) throw tenantIdTaken(f.tenant_id);
}

export const tenantIdTaken = (tenantId: string): AppError => {
  const message = {
    zh: `企业 ID ${tenantId} 已登记在另一个客户名下`,
    en: `Tenant id ${tenantId} already belongs to another customer`,
  };
  return new AppError({
    status: 409,
    code: 'TENANT_ID_TAKEN',
    message,
    fields: [{ field: 'tenantId', code: 'tenant_id_taken', message }],
    fixes: [
      {
        zh: '查找已有客户；若客户要换渠道，请提交转移申请',
        en: 'Look up the existing customer; to move it to another partner, file a transfer request',
      },
    ],
  });
};
