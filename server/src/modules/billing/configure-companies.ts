import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { refuseIfAny } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudits } from '../audit/audit-store';
import {
  type BillingSettings,
  CONFIGURE_BILLING,
  checkSettings,
  companiesNotFound,
  NOTIFY_FIXES,
  normalEmails,
} from './billing';
import { lockCompaniesInScope, upsertConfigs } from './billing-store';
import { AUDIT_TYPE, settingsOf } from './config-audit';

export interface ConfigureInput {
  companyIds: string[];
  settings: BillingSettings;
}
export interface ConfigureResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * 配置所选公司 (R38): the same settings for several companies, all or nothing. Every id that is unknown or
 * out of scope is named in one refusal and nothing is applied (one list: telling the two apart would say
 * a company exists outside the caller's tree). One upsert, one trail row per company it changed.
 */
export async function configureCompanies(
  deps: Deps,
  p: Principal,
  input: ConfigureInput,
): Promise<ConfigureResult> {
  requireRole(p, CONFIGURE_BILLING, { zh: '修改账户配置', en: 'change billing configurations' });
  const settings: BillingSettings = { ...input.settings, emails: normalEmails(input.settings.emails) };
  refuseIfAny(checkSettings(settings), NOTIFY_FIXES);
  const ids = [...new Set(input.companyIds.map((s) => s.trim()).filter(Boolean))];
  return transact(deps.database.db, async (tx) => {
    const found = await lockCompaniesInScope(tx, p, ids);
    const byId = new Map(found.map((r) => [r.company_id, r]));
    const missing = ids.filter((id) => !byId.has(id));
    if (missing.length > 0) throw companiesNotFound(missing);
    const changed = await upsertConfigs(tx, ids, settings, p.userId, toDate(deps.clock.now()));
    const actor = actorOf(p);
    await appendAudits(
      tx,
      deps.clock,
      changed.map((c) => {
        const row = byId.get(c.company_id);
        return {
          actor,
          entry: {
            objectType: AUDIT_TYPE,
            objectId: c.company_id,
            action: c.inserted ? 'create' : 'update',
            before: row ? settingsOf(row) : null,
            after: settings,
            reason: 'batch',
          },
        };
      }),
    );
    const created = changed.filter((c) => c.inserted).length;
    return { created, updated: changed.length - created, unchanged: ids.length - changed.length };
  });
}
