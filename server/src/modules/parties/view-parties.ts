import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { type ApiKeyRow, apiKeysOfUser } from './api-key-store';
import { findCompanyInScope } from './company-scope';
import {
  type CompanyDetailRow,
  type CompanyFilter,
  type CompanyListRow,
  companyDetailInScope,
  listCompanies,
} from './company-store';
import { type ContactRow, contactsOf } from './contact-store';
import {
  listPartners,
  type PartnerFilter,
  type PartnerListRow,
  type PartnerRow,
  partnerById,
  partnerInScope,
} from './partner-store';
import { MANAGE_USERS } from './roles';
import { listUsers, type UserFilter, type UserListRow, type UserRow, userById } from './user-store';

// Reads: every signed-in principal may ask, and the stores narrow the answer to its scope.

export interface Me {
  user: UserRow;
  partner: PartnerRow | null;
  company: CompanyDetailRow | null;
}

export async function viewMe(deps: Deps, p: Principal): Promise<Me> {
  const { db } = deps.database;
  const user = p.userId ? await userById(db, p.userId) : undefined;
  if (!user) throw notFound({ zh: '用户', en: 'User' });
  const partner = user.partner_id ? ((await partnerById(db, user.partner_id)) ?? null) : null;
  const company = user.company_id ? ((await companyDetailInScope(db, p, user.company_id)) ?? null) : null;
  return { user, partner, company };
}

export const viewCompanies = (deps: Deps, p: Principal, f: CompanyFilter): Promise<CompanyListRow[]> =>
  listCompanies(deps.database.db, p, f);

export async function viewCompany(deps: Deps, p: Principal, id: string): Promise<CompanyDetailRow> {
  const c = await companyDetailInScope(deps.database.db, p, id);
  if (!c) throw notFound({ zh: '客户', en: 'Customer' });
  return c;
}

export async function viewContacts(deps: Deps, p: Principal, companyId: string): Promise<ContactRow[]> {
  await findCompanyInScope(deps.database.db, p, companyId);
  return contactsOf(deps.database.db, companyId);
}

export const viewPartners = (deps: Deps, p: Principal, f: PartnerFilter): Promise<PartnerListRow[]> =>
  listPartners(deps.database.db, p, f);

export async function viewPartner(deps: Deps, p: Principal, id: string): Promise<PartnerRow> {
  const row = await partnerInScope(deps.database.db, p, id);
  if (!row) throw notFound({ zh: '渠道', en: 'Partner' });
  return row;
}

export function viewUsers(deps: Deps, p: Principal, f: UserFilter): Promise<UserListRow[]> {
  requireRole(p, MANAGE_USERS, { zh: '查看用户', en: 'list users' });
  return listUsers(deps.database.db, f);
}

export async function viewApiKeys(deps: Deps, p: Principal, userId: string): Promise<ApiKeyRow[]> {
  requireRole(p, MANAGE_USERS, { zh: '查看 API 密钥', en: 'list API keys' });
  if (!(await userById(deps.database.db, userId))) throw notFound({ zh: '用户', en: 'User' });
  return apiKeysOfUser(deps.database.db, userId);
}

export async function viewUser(deps: Deps, p: Principal, id: string): Promise<UserRow> {
  requireRole(p, MANAGE_USERS, { zh: '查看用户', en: 'view users' });
  const u = await userById(deps.database.db, id);
  if (!u) throw notFound({ zh: '用户', en: 'User' });
  return u;
}
