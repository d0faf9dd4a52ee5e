import type { Deps } from '../../platform/deps';
import { type Principal, requireRole } from '../../platform/principal';
import { type CompanyFilter, type CompanyListRow, listCompanies } from './company-store';
import { listPartners, type PartnerFilter, type PartnerListRow } from './partner-store';
import { MANAGE_PARTNERS, MANAGE_USERS } from './roles';
import { listUsers, type UserFilter, type UserListRow } from './user-store';

// R39 exports of the parties lists: the same filters, sort and scope as the lists, up to EXPORT_LIMIT rows.
// A partner exports only its own customers (the company scope); the partner and user directories are the
// vendor's own records, so only an admin takes them out of the system.
export const EXPORT_LIMIT = 10_000;
type Filter<F> = Omit<F, 'after' | 'limit'>;

export const exportCompanies = (
  deps: Deps,
  p: Principal,
  f: Filter<CompanyFilter>,
): Promise<CompanyListRow[]> => listCompanies(deps.database.db, p, { ...f, limit: EXPORT_LIMIT });

export function exportPartners(
  deps: Deps,
  p: Principal,
  f: Filter<PartnerFilter>,
): Promise<PartnerListRow[]> {
  requireRole(p, MANAGE_PARTNERS, { zh: '导出渠道列表', en: 'export partners' });
  return listPartners(deps.database.db, p, { ...f, limit: EXPORT_LIMIT });
}

export function exportUsers(deps: Deps, p: Principal, f: Filter<UserFilter>): Promise<UserListRow[]> {
  requireRole(p, MANAGE_USERS, { zh: '导出用户列表', en: 'export users' });
  return listUsers(deps.database.db, { ...f, limit: EXPORT_LIMIT });
}
