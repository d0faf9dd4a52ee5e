import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type CompanyInput, checkCompany, toFields } from './company';
import {
  type CompanyDetailRow,
  companyDetailInScope,
  isSelfOrDescendant,
  updateCompany,
} from './company-store';
import { checkReferences } from './create-company';
import { setCompanyState } from './party-state-store';
import { MANAGE_COMPANIES, MANAGE_PARTNERS } from './roles';
import { fieldError, refuseIfAny } from './validation';

export type CompanyPatch = Partial<CompanyInput> & {
  version: number;
  state?: CompanyDetailRow['state'] | undefined;
};

const inputOf = (c: CompanyDetailRow): CompanyInput => ({
  nameZh: c.name_zh,
  nameEn: c.name_en,
  tenantId: c.tenant_id,
  parentId: c.parent_id,
  partnerId: c.partner_id,
  region: c.region,
  addressEn: c.address_en,
  applicantName: c.applicant_name,
  landline: c.landline,
  taxId: c.tax_id,
});

/** Saves a changed company; R6 is checked on the merged record, so old gaps surface on the next save. */
export async function updateCompanyDetails(
  deps: Deps,
  p: Principal,
  id: string,
  patch: CompanyPatch,
): Promise<void> {
  requireRole(p, MANAGE_COMPANIES, { zh: '修改客户', en: 'change customers' });
  // Suspension (issue #10 item 6) is the admin's, as for partners.
  if (patch.state !== undefined)
    requireRole(p, MANAGE_PARTNERS, { zh: '暂停或恢复客户', en: 'suspend customers' });
  await transact(deps.database.db, async (tx) => {
    const before = await companyDetailInScope(tx, p, id);
    if (!before) throw notFound({ zh: '客户', en: 'Customer' });
    const { version, state, ...changes } = patch;
    const fields = toFields({ ...inputOf(before), ...changes });
    const errors = checkCompany(fields);
    if (p.kind === 'partner' && fields.partner_id !== before.partner_id)
      errors.push(
        fieldError(
          'partnerId',
          'not_allowed',
          '渠道不能变更客户归属，请提交转移申请',
          'A partner cannot reassign a customer; file a transfer request',
        ),
      );
    if (fields.parent_id && (await isSelfOrDescendant(tx, id, fields.parent_id)))
      errors.push(
        fieldError(
          'parentId',
          'parent_cycle',
          '上级公司不能是自身或其下级',
          'The parent cannot be the company itself or one of its subsidiaries',
        ),
      );
    refuseIfAny(errors);
    await checkReferences(tx, p, fields, id);
    if (!(await updateCompany(tx, id, version, fields)))
      throw versionConflict({ zh: '客户资料', en: 'customer' }, before.version);
    if (state !== undefined && state !== before.state) await setCompanyState(tx, id, state);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'company',
      objectId: id,
      action: 'update',
      stateBefore: before.state,
      stateAfter: state ?? before.state,
      before: inputOf(before),
      after: fields,
    });
  });
}
