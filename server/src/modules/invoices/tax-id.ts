// 统一社会信用代码 (GB 32100-2015): 18 characters over 31 symbols (digits and capitals without I, O, Z,
// S, V); the 18th is a check character over the first 17 with weights 3^(i-1) mod 31. No package for it is
// installed, and the rule is ten lines.
const SYMBOLS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

/** The check character for the first 17 characters, or null when one is not a code symbol. */
export function uscCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = SYMBOLS.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * (WEIGHTS[i] ?? 0);
  }
  return SYMBOLS.charAt((31 - (sum % 31)) % 31);
}

/** True when `code` is a well-formed 统一社会信用代码 with a correct check character. */
export function isUnifiedSocialCreditCode(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  return uscCheckChar(code.slice(0, 17)) === code.charAt(17);
}
