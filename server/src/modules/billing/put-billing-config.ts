import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid, notFound, refuseIfAny, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import {
  BILLING_CONFIG,
  type BillingSettings,
  CONFIGURE_BILLING,
  checkSettings,
  NOTIFY_FIXES,
  normalEmails,
} from './billing';
import { configInScope, insertConfig, updateConfig } from './billing-store';
import { AUDIT_TYPE, settingsOf } from './config-audit';

export interface PutConfigInput extends BillingSettings {
  companyId: string;
  version?: number | undefined;
}

/**
 * R38: saves one company's configuration. A company without one gets it created; one with it needs the
 * version it read (409 with the current one otherwise), so two editors never overwrite each other.
 */
export async function putBillingConfig(deps: Deps, p: Principal, input: PutConfigInput): Promise<void> {
  requireRole(p, CONFIGURE_BILLING, { zh: '修改账户配置', en: 'change billing configurations' });
  const settings: BillingSettings = { ...input, emails: normalEmails(input.emails) };
  refuseIfAny(checkSettings(settings), NOTIFY_FIXES);
  return transact(deps.database.db, async (tx) => {
    const row = await configInScope(tx, p, input.companyId, true);
    if (!row) throw notFound(BILLING_CONFIG);
    const before = settingsOf(row);
    const at = toDate(deps.clock.now());
    if (before === null) {
      if (!(await insertConfig(tx, row.company_id, settings, p.userId, at)))
        throw versionConflict(BILLING_CONFIG, 1);
    } else {
      if (input.version === undefined)
        throw invalid('version', 'required', {
          zh: '该公司已有配置，请带上读取时的版本号',
          en: 'The company already has a configuration: send the version you read',
        });
      if (!(await updateConfig(tx, row.company_id, input.version, settings, p.userId, at)))
        throw versionConflict(BILLING_CONFIG, row.version ?? 0);
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: AUDIT_TYPE,
      objectId: row.company_id,
      action: before === null ? 'create' : 'update',
      before,
      after: settings,
    });
  });
}
