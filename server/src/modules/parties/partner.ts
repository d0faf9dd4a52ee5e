import type { FieldError } from '../../platform/errors';
import { clean, fieldError } from './validation';

export interface PartnerInput {
  code: string;
  nameZh: string;
  nameEn?: string | null;
}

// Codes appear on statements and in the CLI (--partner P-LIYAN): short, uppercase, no spaces.
export const PARTNER_CODE = /^[A-Z0-9][A-Z0-9-]{1,31}$/;

export function checkPartner(code: string, nameZh: string | null): FieldError[] {
  const out: FieldError[] = [];
  if (!PARTNER_CODE.test(code))
    out.push(
      fieldError(
        'code',
        'code_format',
        '渠道编码须为 2–32 位大写字母、数字或连字符，如 P-LIYAN',
        'Partner code is 2–32 uppercase letters, digits or dashes, e.g. P-LIYAN',
      ),
    );
  if (!clean(nameZh))
    out.push(fieldError('nameZh', 'required', '渠道中文名称必填', 'Chinese partner name is required'));
  return out;
}
