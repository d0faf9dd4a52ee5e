import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { conflict, invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { findCompanyInScope } from '../parties';
import { openRequest } from './open-request';
import type { Moved } from './request';
import { openRequestOn } from './request-store';

export interface CompanyRenameInput {
  companyId: string;
  nameZh: string;
  nameEn?: string | undefined;
  reason: string;
}

/** R7: once the renewal is approved (or without one), a company rename is a request to the order desk. */
export async function fileCompanyRename(deps: Deps, p: Principal, input: CompanyRenameInput): Promise<Moved> {
  requireRole(p, ['partner_agent', 'sales', 'order_desk', 'admin', 'customer'], {
    zh: '申请公司名变更',
    en: 'request company renames',
  });
  return transact(deps.database.db, async (tx) => {
    const company = await findCompanyInScope(tx, p, input.companyId);
    if (company.name_zh === input.nameZh && (input.nameEn ?? company.name_en) === company.name_en) {
      throw invalid('nameZh', 'NAME_UNCHANGED', {
        zh: '新公司名与当前公司名相同',
        en: 'The new name is the current name',
      });
    }
    const open = await openRequestOn(tx, { category: 'rename', companyId: company.id });
    if (open) {
      throw conflict('RENAME_REQUEST_OPEN', {
        zh: `该客户已有待处理的公司名变更申请 ${open}`,
        en: `Rename request ${open} for this customer is still open`,
      });
    }
    const payload = {
      companyId: company.id,
      nameBefore: company.name_zh,
      nameZh: input.nameZh,
      nameEn: input.nameEn ?? null,
      reason: input.reason,
    };
    return openRequest(within(deps, tx), p, {
      category: 'rename',
      partnerId: company.partner_id,
      companyId: company.id,
      payload,
      reason: input.reason,
      submit: true,
    });
  });
}
