import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { resolveTreeWhere as resolveWhere, type TreeWhereInput as WhereInput } from '../parties';
import { BILLING_CONFIG } from './billing';
import { type ConfigFilter, type ConfigRow, configInScope, listConfigs } from './billing-store';

// Reads are open to every signed-in principal and narrowed by the company scope (R38): a company in scope
// is listed whether or not it has a configuration, so the console can offer 配置所选公司 for it.
export async function viewBillingConfigs(
  deps: Deps,
  p: Principal,
  w: WhereInput,
  f: ConfigFilter,
): Promise<(ConfigRow & KeyedRow)[]> {
  const where = await resolveWhere(deps.database.db, p, w);
  return listConfigs(deps.database.db, p, where, f);
}

export async function viewBillingConfig(deps: Deps, p: Principal, companyId: string): Promise<ConfigRow> {
  const row = await configInScope(deps.database.db, p, companyId);
  if (!row) throw notFound(BILLING_CONFIG);
  return row;
}
