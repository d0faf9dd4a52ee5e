import { z } from 'zod';
import { ACTION_CHANNELS, ACTOR_KINDS, ROLES } from '../vocabulary';
import { LIST_SORTS, ListQuery, sortOf } from './common';

// Parties on the wire. Formats (tenant id, R6 fields, emails) are checked by the server's rules so every
// refusal carries zh/en field messages; the schemas here describe shapes and limits.
const text = (max: number) => z.string().max(max);
const optText = (max: number) => z.string().max(max).nullable().optional();

export const RoleName = z.enum(ROLES);

export const LoginBody = z.object({ email: text(254), password: text(200) });

export const PartnerRef = z.object({
  id: z.string(),
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
});
export const CompanyRef = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  tenantId: z.string().nullable(),
});

export const User = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  roles: z.array(RoleName),
  partnerId: z.string().nullable(),
  companyId: z.string().nullable(),
  state: z.enum(['active', 'disabled']),
  locale: z.enum(['zh-CN', 'en-US']),
  createdAt: z.string(),
  version: z.number().int(),
});

/** A user in the admin list, with the partner (code and names) or company (names) it is bound to. */
export const ListedUser = User.extend({
  boundTo: z
    .object({ code: z.string().nullable(), nameZh: z.string(), nameEn: z.string().nullable() })
    .nullable(),
});

export const Me = z.object({
  user: User,
  kind: z.enum(ACTOR_KINDS),
  channel: z.enum(ACTION_CHANNELS),
  roles: z.array(RoleName),
  partyState: z
    .enum(['active', 'suspended'])
    .describe('the partner or company the user acts for; suspended: sign in and read, commit no money'),
  partner: PartnerRef.nullable(),
  company: CompanyRef.nullable(),
});

export const LoginResult = z.object({ me: Me, expiresAt: z.string() });

export const Partner = PartnerRef.extend({
  state: z.enum(['active', 'suspended']),
  createdAt: z.string(),
  version: z.number().int(),
});
export const PartnerCreate = z.object({
  code: text(32).describe('2–32 uppercase letters, digits or dashes, e.g. P-LIYAN'),
  nameZh: text(200),
  nameEn: optText(200),
});
export const PartnerUpdate = z.object({
  version: z.number().int(),
  nameZh: text(200).optional(),
  nameEn: optText(200),
  state: z.enum(['active', 'suspended']).optional(),
});

const companyFields = {
  nameEn: optText(200),
  tenantId: optText(64).describe('WeCom corp id: "ww" + 16 lowercase hex digits'),
  parentId: optText(64),
  partnerId: optText(64).describe('Owning partner; null = direct customer. Forced for partner agents.'),
  region: optText(2).describe('ISO country code; not CN = foreign customer (R6)'),
  addressEn: optText(500),
  applicantName: optText(100),
  landline: optText(40).describe('Fixed-line number; required for foreign customers, mobiles refused (R6)'),
  taxId: optText(40),
};
export const CompanyCreate = z.object({ nameZh: text(200), ...companyFields });
export const CompanyUpdate = z.object({
  version: z.number().int(),
  nameZh: text(200).optional(),
  ...companyFields,
  state: z
    .enum(['active', 'suspended'])
    .optional()
    .describe('admin only: a suspended customer is not ordered for and its users commit no money'),
});

export const Company = CompanyRef.extend({
  parentId: z.string().nullable(),
  parentNameZh: z.string().nullable(),
  partnerId: z.string().nullable(),
  partnerNameZh: z.string().nullable(),
  region: z.string(),
  addressEn: z.string().nullable(),
  applicantName: z.string().nullable(),
  landline: z.string().nullable(),
  taxId: z.string().nullable(),
  state: z.enum(['active', 'suspended']),
  createdAt: z.string(),
  version: z.number().int(),
});

// List filters (issue #3): `from`/`to` are business dates of creation; `sort` names a column of LIST_SORTS.
export const CompanyQuery = ListQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches Chinese or English name or tenant id'),
  partnerId: z.string().optional(),
  direct: z.enum(['true', 'false']).optional().describe('true: only direct customers (no partner)'),
  parentId: z.string().optional(),
  region: z.string().max(2).optional(),
  sort: sortOf(LIST_SORTS.companies, 'name'),
});
export const PartnerQuery = ListQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches code, Chinese or English name'),
  state: z.enum(['active', 'suspended']).optional(),
  sort: sortOf(LIST_SORTS.partners, 'code'),
});

export const ContactCreate = z.object({
  name: text(100),
  email: text(254),
  phone: optText(40),
  isPayer: z.boolean().optional(),
  isInvoice: z.boolean().optional(),
});
export const Contact = z.object({
  id: z.string(),
  companyId: z.string(),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  isPayer: z.boolean(),
  isInvoice: z.boolean(),
  createdAt: z.string(),
});

export const UserCreate = z.object({
  email: text(254),
  name: text(100),
  roles: z.array(RoleName).min(1),
  partnerId: optText(64),
  companyId: optText(64),
  password: optText(200).describe('At least 10 characters; omit for an API-only user'),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});
/** Roles, binding, name and language change together: checkUser runs on the merged record. */
export const UserUpdate = z.object({
  version: z.number().int(),
  name: text(100).optional(),
  roles: z.array(RoleName).optional(),
  partnerId: optText(64),
  companyId: optText(64),
  locale: z.enum(['zh-CN', 'en-US']).optional(),
});
export const UserQuery = ListQuery.extend({
  q: z.string().trim().max(100).optional().describe('Matches email or name'),
  role: RoleName.optional(),
  state: z.enum(['active', 'disabled']).optional(),
  partnerId: z.string().optional(),
  companyId: z.string().optional(),
  sort: sortOf(LIST_SORTS.users, 'email'),
});
export const Reason = z.object({ reason: z.string().max(2000).nullable().optional() });

export const ApiKeyCreate = z.object({
  name: optText(100),
  expiresAt: z
    .string()
    .datetime({ offset: true })
    .nullable()
    .optional()
    .describe('ISO instant after which the key is refused (401 API_KEY_EXPIRED); absent = until revoked'),
});
export const ApiKey = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export const NewApiKey = z.object({
  id: z.string(),
  prefix: z.string(),
  secret: z.string().describe('kd_live_…; shown once, store it now'),
});
