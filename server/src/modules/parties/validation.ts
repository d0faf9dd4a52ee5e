import { AppError, type FieldError, type Text } from '../../platform/errors';

// Parties refuse a save with every missing or malformed field at once (R6), each with its own message.
export const fieldError = (field: string, code: string, zh: string, en: string): FieldError => ({
  field,
  code,
  message: { zh, en },
});

export function refuseIfAny(fields: FieldError[], fixes: Text[] = []): void {
  if (fields.length === 0) return;
  throw new AppError({
    status: 422,
    code: 'VALIDATION_FAILED',
    message: {
      zh: `有 ${fields.length} 项资料缺失或无效：${fields.map((f) => f.message.zh).join('；')}`,
      en: `${fields.length} field(s) missing or invalid: ${fields.map((f) => f.message.en).join('; ')}`,
    },
    fields,
    fixes,
  });
}

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

export function checkEmail(field: string, email: string | null | undefined, out: FieldError[]): void {
  if (!email?.trim()) out.push(fieldError(field, 'required', '邮箱必填', 'Email is required'));
  else if (email.length > 254 || !EMAIL.test(email.trim()))
    out.push(
      fieldError(field, 'email_invalid', `邮箱格式无效：${email}`, `Not a valid email address: ${email}`),
    );
}

/** Trimmed text, or null when blank: a blank field counts as missing. */
export const clean = (v: string | null | undefined): string | null => {
  const t = v?.trim();
  return t ? t : null;
};
