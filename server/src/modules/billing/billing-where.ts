import type { DeviceDepth } from '@kaidan/shared';
import type { Exec } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { findCompanyInScope } from '../parties';
import type { BillingWhere } from './billing-store';

export interface WhereInput {
  companyId?: string | undefined;
  depth?: DeviceDepth | undefined;
}

/**
 * The direct/all switch, as on the device lists (docs/devices.md): a chosen company must be in scope (else
 * 404); without one a customer or a company-scoped staff user looks from its own company, an unscoped
 * user over its whole scope, where "direct" means nothing and is refused with the fix.
 */
export async function resolveWhere(ex: Exec, p: Principal, w: WhereInput): Promise<BillingWhere> {
  const depth = w.depth ?? 'all';
  if (w.companyId) {
    await findCompanyInScope(ex, p, w.companyId);
    return { rootId: w.companyId, depth };
  }
  const own = p.kind === 'partner' ? null : p.companyId;
  if (own) return { rootId: own, depth };
  if (depth === 'direct')
    throw invalid(
      'companyId',
      'company_required',
      { zh: '“直属”需要先选择公司', en: 'Depth "direct" needs a company' },
      [{ zh: '选择一家公司，或改为“全部”', en: 'Choose a company, or use depth "all"' }],
    );
  return { rootId: null, depth };
}
