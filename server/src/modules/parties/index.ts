// Parties own partners, customer companies (tenant ids, parent company, owning partner), contacts,
// users with roles, console sessions and API keys — and the scope rule every other module relies on:
// a partner sees the customers it owns now, a customer its company and subsidiaries at any depth, staff
// all; another party's object answers 404. Every store embeds it through `inCompanyScope`.

export { MAX_AGE_MS, PrincipalCache } from '../../platform/principal-cache';
export type { CompanyInput } from './company';
export {
  companyByTenantForTransfer,
  companyVisibleTo,
  findCompanyByTenant,
  findCompanyInScope,
  lockCompanyOwner,
  setCompanyPartner,
} from './company-scope';
export { type CompanyRow, inCompanyScope, inCompanyTree } from './company-store';
export { createApiKey } from './create-api-key';
export { createCompany } from './create-company';
export { createContact } from './create-contact';
export { createPartner } from './create-partner';
export { createUser } from './create-user';
export { disableUser } from './disable-user';
export { dropPrincipalsOf } from './drop-principals';
export { enableUser } from './enable-user';
export { partnerById } from './partner-store';
export { principalOfRequest } from './principal-of-request';
export { principalOfUser } from './principal-store';
export { PRINCIPAL_CHANNEL, type WatchEvent, watchPrincipals } from './principal-watch';
export { applyCompanyRename, type NewCompanyName } from './rename-company';
export { COMMIT, orderableCompany, requireActiveParty, requireOrderable } from './require-active-party';
export { principalOfApiKey, principalOfSession } from './resolve-principal';
export { revokeApiKey } from './revoke-api-key';
export { SESSION_COOKIE } from './session';
export { signIn } from './sign-in';
export { signOut } from './sign-out';
export { inTreeWhere, resolveTreeWhere, type TreeWhere, type TreeWhereInput } from './tree-where';
export { updateCompanyDetails } from './update-company';
export { updatePartnerDetails } from './update-partner';
export { updateUserDetails } from './update-user';
export type { UserInput } from './user';
export { usersCli } from './users-cli';
export { checkEmail } from './validation';
