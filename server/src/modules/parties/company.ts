import type { FieldError } from '../../platform/errors';
import type { CompanyFields } from './company-store';
import { clean, fieldError } from './validation';

export interface CompanyInput {
  nameZh: string;
  nameEn?: string | null;
  tenantId?: string | null;
  parentId?: string | null;
  partnerId?: string | null;
  region?: string | null;
  addressEn?: string | null;
  applicantName?: string | null;
  landline?: string | null;
  taxId?: string | null;
}

// WeCom corp ids: "ww" + 16 lowercase hex digits.
export const TENANT_ID = /^ww[0-9a-f]{16}$/;
// A Chinese mobile number, with or without +86: not accepted where a landline is required (R6).
export const MOBILE = /^(\+?86)?1[3-9]\d{9}$/;
const PHONE = /^\+?[\d\s()-]{6,24}$/;

export function toFields(i: CompanyInput): CompanyFields {
  return {
    name_zh: clean(i.nameZh) ?? '',
    name_en: clean(i.nameEn),
    tenant_id: clean(i.tenantId),
    parent_id: clean(i.parentId),
    partner_id: clean(i.partnerId),
    region: clean(i.region)?.toUpperCase() ?? 'CN',
    address_en: clean(i.addressEn),
    applicant_name: clean(i.applicantName),
    landline: clean(i.landline),
    tax_id: clean(i.taxId),
  };
}

/** The part of a save that needs no database: formats and R6's required fields, all at once. */
export function checkCompany(c: CompanyFields): FieldError[] {
  const out: FieldError[] = [];
  if (!c.name_zh)
    out.push(fieldError('nameZh', 'required', '公司中文名称必填', 'Chinese company name is required'));
  if (c.tenant_id && !TENANT_ID.test(c.tenant_id)) {
    const hint = TENANT_ID.test(c.tenant_id.toLowerCase())
      ? `（是否应为 ${c.tenant_id.toLowerCase()}？）`
      : '';
    out.push(
      fieldError(
        'tenantId',
        'tenant_id_format',
        `企业 ID 须为 ww 加 16 位小写十六进制字符${hint}`,
        `Tenant id must be "ww" followed by 16 lowercase hex digits, e.g. wwb0e22cefc85a80d3`,
      ),
    );
  }
  if (!/^[A-Z]{2}$/.test(c.region))
    out.push(
      fieldError(
        'region',
        'region_format',
        '地区须为两位国家代码，如 CN、US',
        'Region is a two-letter country code such as CN or US',
      ),
    );
  if (c.region !== 'CN') checkForeign(c, out);
  return out;
}

/** R6: a customer outside China is invoiced in English and reached on a fixed line. */
function checkForeign(c: CompanyFields, out: FieldError[]): void {
  const need = (field: string, v: string | null, zh: string, en: string) => {
    if (!v) out.push(fieldError(field, 'required', `境外客户须填写${zh}`, `A foreign customer needs ${en}`));
  };
  need('nameEn', c.name_en, '英文名称', 'an English name');
  need('addressEn', c.address_en, '英文地址', 'an English address');
  need('applicantName', c.applicant_name, '申请人姓名', 'the applicant name');
  need('landline', c.landline, '座机号码', 'a landline number');
  if (!c.landline) return;
  const digits = c.landline.replace(/[\s()-]/g, '');
  if (MOBILE.test(digits))
    out.push(
      fieldError(
        'landline',
        'mobile_not_landline',
        '须填写座机号码，不能是手机号',
        'Give a landline number, not a mobile number',
      ),
    );
  else if (!PHONE.test(c.landline))
    out.push(
      fieldError(
        'landline',
        'phone_format',
        `电话号码格式无效：${c.landline}`,
        `Not a phone number: ${c.landline}`,
      ),
    );
}
