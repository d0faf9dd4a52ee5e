import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { BILLING_CONFIG, CONFIGURE_BILLING } from './billing';
import { configInScope, deleteConfig } from './billing-store';
import { AUDIT_TYPE, settingsOf } from './config-audit';

/**
 * R38 删除收费系统配置: the company is left without a configuration (no reminders, no statements from
 * then on; statements already made stay). Version-checked like an edit.
 */
export async function deleteBillingConfig(
  deps: Deps,
  p: Principal,
  companyId: string,
  version: number,
): Promise<void> {
  requireRole(p, CONFIGURE_BILLING, { zh: '删除账户配置', en: 'delete billing configurations' });
  return transact(deps.database.db, async (tx) => {
    const row = await configInScope(tx, p, companyId, true);
    const before = row ? settingsOf(row) : null;
    if (!row || before === null) throw notFound(BILLING_CONFIG);
    if (!(await deleteConfig(tx, companyId, version)))
      throw versionConflict(BILLING_CONFIG, row.version ?? 0);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: AUDIT_TYPE,
      objectId: companyId,
      action: 'delete',
      before,
      after: null,
    });
  });
}
