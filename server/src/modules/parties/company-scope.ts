import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import {
  type CompanyRow,
  companyByTenant,
  companyByTenantInScope,
  companyInScope,
  ownerUnderLock,
  updateCompanyPartner,
} from './company-store';

export const CUSTOMER = { zh: '客户', en: 'Customer' };

/** The company if the principal may see it; otherwise the same 404 as a missing one. */
export async function findCompanyInScope(ex: Exec, p: Principal, companyId: string): Promise<CompanyRow> {
  const c = await companyInScope(ex, p, companyId);
  if (!c) throw notFound(CUSTOMER);
  return c;
}

/** Whether the principal may see the company (DESIGN §1), for objects owned by a company, e.g. its wallet. */
export async function companyVisibleTo(ex: Exec, p: Principal, companyId: string): Promise<boolean> {
  return (await companyInScope(ex, p, companyId)) !== undefined;
}

/** By WeCom tenant id (ww…), scoped like findCompanyInScope. */
export async function findCompanyByTenant(ex: Exec, p: Principal, tenantId: string): Promise<CompanyRow> {
  const c = await companyByTenantInScope(ex, p, tenantId);
  if (!c) throw notFound(CUSTOMER);
  return c;
}

export const companyByTenantForTransfer = (ex: Exec, tenantId: string): Promise<CompanyRow | undefined> =>
  companyByTenant(ex, tenantId);

/** R17: later orders bill the new partner; the company's history stays with it. */
export const setCompanyPartner = (
  ex: Exec,
  _clock: Clock,
  companyId: string,
  partnerId: string,
): Promise<void> => updateCompanyPartner(ex, companyId, partnerId);

/** R17: who owns the company now, locked by a transfer or by a payment, so the two never interleave. */
export async function lockCompanyOwner(
  ex: Exec,
  companyId: string,
  by: 'transfer' | 'payment',
): Promise<string | null> {
  const row = await ownerUnderLock(ex, companyId, by);
  if (!row) throw notFound(CUSTOMER);
  return row.partner_id;
}
