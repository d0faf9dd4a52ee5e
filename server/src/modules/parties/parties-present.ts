import type { Principal } from '../../platform/principal';
import type { ApiKeyRow } from './api-key-store';
import type { CompanyDetailRow } from './company-store';
import type { ContactRow } from './contact-store';
import type { PartnerRow } from './partner-store';
import type { UserListRow, UserRow } from './user-store';
import type { Me } from './view-parties';

// Rows → wire shapes (camelCase, ISO instants). Secrets and password hashes never get here.
const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const presentUser = (u: UserRow) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  roles: u.roles,
  partnerId: u.partner_id,
  companyId: u.company_id,
  state: u.state,
  locale: u.locale,
  createdAt: u.created_at.toISOString(),
  version: u.version,
});

/** A listed user names what it is bound to, so a list of any length shows names, not ids. */
export const presentListedUser = (u: UserListRow) => ({
  ...presentUser(u),
  boundTo: u.partner_id
    ? { code: u.partner_code, nameZh: u.partner_name_zh ?? '', nameEn: u.partner_name_en }
    : u.company_id
      ? { code: null, nameZh: u.company_name_zh ?? '', nameEn: u.company_name_en }
      : null,
});

export const presentPartner = (p: PartnerRow) => ({
  id: p.id,
  code: p.code,
  nameZh: p.name_zh,
  nameEn: p.name_en,
  state: p.state,
  createdAt: p.created_at.toISOString(),
  version: p.version,
});

export const presentCompany = (c: CompanyDetailRow) => ({
  id: c.id,
  nameZh: c.name_zh,
  nameEn: c.name_en,
  tenantId: c.tenant_id,
  parentId: c.parent_id,
  parentNameZh: c.parent_name_zh,
  partnerId: c.partner_id,
  partnerNameZh: c.partner_name_zh,
  region: c.region,
  addressEn: c.address_en,
  applicantName: c.applicant_name,
  landline: c.landline,
  taxId: c.tax_id,
  state: c.state,
  createdAt: c.created_at.toISOString(),
  version: c.version,
});

export const presentContact = (c: ContactRow) => ({
  id: c.id,
  companyId: c.company_id,
  name: c.name,
  email: c.email,
  phone: c.phone,
  isPayer: c.is_payer,
  isInvoice: c.is_invoice,
  createdAt: c.created_at.toISOString(),
});

export const presentApiKey = (k: ApiKeyRow) => ({
  id: k.id,
  userId: k.user_id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.created_at.toISOString(),
  lastUsedAt: iso(k.last_used_at),
  revokedAt: iso(k.revoked_at),
  expiresAt: iso(k.expires_at),
});

export const presentMe = (me: Me, p: Principal) => ({
  user: presentUser(me.user),
  kind: p.kind,
  channel: p.channel,
  roles: [...p.roles],
  // The party the user acts for: suspended, it signs in and reads but commits no money (require-active-party).
  partyState: me.partner?.state ?? me.company?.state ?? 'active',
  partner: me.partner
    ? { id: me.partner.id, code: me.partner.code, nameZh: me.partner.name_zh, nameEn: me.partner.name_en }
    : null,
  company: me.company
    ? {
        id: me.company.id,
        nameZh: me.company.name_zh,
        nameEn: me.company.name_en,
        tenantId: me.company.tenant_id,
      }
    : null,
});
