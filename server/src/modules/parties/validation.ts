import { type FieldError, fieldError, refuseIfAny } from '../../platform/errors';

export { fieldError, refuseIfAny };

// Parties refuse a save with every missing or malformed field at once (R6), each with its own message.

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
