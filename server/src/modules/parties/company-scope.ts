import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import {
  type CompanyRow,
  companyByTenant,
  companyInScope,
  updateCompanyPartner,
} from './company-scope-store';

/** The company if the principal may see it; otherwise the same 404 as a missing one. */
export async function findCompanyInScope(ex: Exec, p: Principal, companyId: string): Promise<CompanyRow> {
  const c = await companyInScope(ex, p, companyId);
  if (!c) throw notFound({ zh: '客户', en: 'Customer' });
  return c;
}

export const companyByTenantForTransfer = (ex: Exec, tenantId: string): Promise<CompanyRow | undefined> =>
  companyByTenant(ex, tenantId);

/** R17: later orders bill the new partner; the company's history stays with it. */
export const setCompanyPartner = (
  ex: Exec,
  clock: Clock,
  companyId: string,
  partnerId: string,
): Promise<void> => updateCompanyPartner(ex, clock, companyId, partnerId);
