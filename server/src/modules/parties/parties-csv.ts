import type { CompanyListRow } from './company-store';
import type { PartnerListRow } from './partner-store';
import type { UserListRow } from './user-store';

// Export rows (R39) with bilingual headers, as the orders export. Only what the lists show: never a
// password hash or an API key.
export const COMPANY_CSV_HEADER = [
  '名称 name',
  '英文名称 English name',
  '租户 tenant',
  '地区 region',
  '渠道 partner',
  '上级公司 parent',
  '英文地址 address',
  '申请人 applicant',
  '座机 landline',
  '税号 tax id',
  '创建 created',
];
export const companyCsvRow = (c: CompanyListRow) => [
  c.name_zh,
  c.name_en,
  c.tenant_id,
  c.region,
  c.partner_name_zh,
  c.parent_name_zh,
  c.address_en,
  c.applicant_name,
  c.landline,
  c.tax_id,
  c.created_at.toISOString(),
];

export const PARTNER_CSV_HEADER = [
  '代码 code',
  '名称 name',
  '英文名称 English name',
  '状态 state',
  '创建 created',
];
export const partnerCsvRow = (p: PartnerListRow) => [
  p.code,
  p.name_zh,
  p.name_en,
  p.state,
  p.created_at.toISOString(),
];

export const USER_CSV_HEADER = [
  '邮箱 email',
  '姓名 name',
  '角色 roles',
  '渠道 partner',
  '客户公司 company',
  '状态 state',
  '语言 locale',
  '创建 created',
];
export const userCsvRow = (u: UserListRow) => [
  u.email,
  u.name,
  u.roles.join(' '),
  u.partner_name_zh,
  u.company_name_zh,
  u.state,
  u.locale,
  u.created_at.toISOString(),
];
