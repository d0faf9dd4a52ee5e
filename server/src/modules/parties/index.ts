// Parties own partners, customer companies (tenant ids, parent company, owning partner), contacts,
// users with roles, sessions and API keys — and the scope rule every other module relies on: another
// party's object answers 404.

export { companyByTenantForTransfer, findCompanyInScope, setCompanyPartner } from './company-scope';
export type { CompanyRow } from './company-scope-store';
export { principalOfUser } from './principal-store';
