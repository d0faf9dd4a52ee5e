import type { DeviceDepth } from '@kaidan/shared';
import type { Exec } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { findCompanyInScope } from '../parties';
import type { DeviceWhere } from './device-store';

export interface WhereInput {
  companyId?: string | undefined;
  depth?: DeviceDepth | undefined;
}

/**
 * The direct/all switch of every device list and batch action. The chosen company must be in scope (else
 * the same 404 as a missing one); without one, a customer or a company-scoped staff user looks from its own
 * company, and an unscoped user over its whole scope — where "direct" has no company to mean, so it is
 * refused with the fix rather than silently widened.
 */
export async function resolveWhere(ex: Exec, p: Principal, w: WhereInput): Promise<DeviceWhere> {
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
