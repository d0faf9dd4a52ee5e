import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { invalid, notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { companyByTenantForTransfer } from '../parties';
import { openRequest } from './open-request';
import type { Moved } from './request';
import { refuseIfTransferBlocked } from './transfer-rules';

export interface TransferInput {
  tenantId: string;
  /** staff name the receiving partner; a partner agent always receives into its own partner */
  toPartnerId?: string | undefined;
  reason: string;
}

/**
 * R17: a customer (company + tenant id) moves to another partner through an approved request. The
 * receiving partner files it by tenant id; it learns nothing about the company until approval.
 */
export async function fileTransfer(deps: Deps, p: Principal, input: TransferInput): Promise<Moved> {
  requireRole(p, ['partner_agent', 'sales', 'order_desk', 'admin'], {
    zh: '申请客户转移',
    en: 'request customer transfers',
  });
  const to = p.kind === 'partner' ? p.partnerId : (input.toPartnerId ?? null);
  if (!to)
    throw invalid('toPartnerId', 'REQUIRED', { zh: '请选择接收的渠道', en: 'Choose the receiving partner' });
  if (!input.reason.trim()) throw invalid('reason', 'REQUIRED', { zh: '请填写原因', en: 'Give a reason' });
  return transact(deps.database.db, async (tx) => {
    const company = await companyByTenantForTransfer(tx, input.tenantId);
    if (!company) throw notFound({ zh: `租户 ${input.tenantId}`, en: `Tenant ${input.tenantId}` });
    if (company.partner_id === to) {
      throw invalid('tenantId', 'ALREADY_OWNED', {
        zh: '该客户已归属此渠道',
        en: 'The customer already belongs to this partner',
      });
    }
    await refuseIfTransferBlocked(tx, p, company.id);
    const payload = {
      tenantId: input.tenantId,
      companyName: company.name_zh,
      companyId: company.id,
      fromPartnerId: company.partner_id,
      toPartnerId: to,
      reason: input.reason,
    };
    // Filed under the receiving partner: it may follow its request, it learns nothing else.
    return openRequest(within(deps, tx), p, {
      category: 'transfer',
      partnerId: to,
      companyId: null,
      payload,
      reason: input.reason,
      submit: true,
    });
  });
}
