// 人民币大写 (the amount in capital numerals printed beside 价税合计), from minor units: no float involved.
const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL = ['', '拾', '佰', '仟'];
const BIG = ['', '万', '亿', '万亿'];

function integerWords(n: bigint): string {
  if (n === 0n) return '零';
  const groups: number[] = [];
  for (let v = n; v > 0n; v /= 10_000n) groups.push(Number(v % 10_000n));
  let out = '';
  let zero = false;
  for (let g = groups.length - 1; g >= 0; g--) {
    const group = groups[g] ?? 0;
    if (group === 0) {
      zero = out !== '';
      continue;
    }
    if (zero || (out !== '' && group < 1000)) out += '零';
    zero = false;
    let part = '';
    let inner = false;
    for (let i = 3; i >= 0; i--) {
      const d = Math.floor(group / 10 ** i) % 10;
      if (d === 0) {
        inner = part !== '';
        continue;
      }
      if (inner) part += '零';
      inner = false;
      part += DIGITS.charAt(d) + (SMALL[i] ?? '');
    }
    out += part + (BIG[g] ?? '');
  }
  return out;
}

/** E.g. 10600 fen → 壹佰零陆圆整; negative amounts (red-letter) lead with 负. */
export function amountInWords(minor: bigint): string {
  const neg = minor < 0n;
  const abs = neg ? -minor : minor;
  const yuan = abs / 100n;
  const jiao = Number((abs / 10n) % 10n);
  const fen = Number(abs % 10n);
  let out = `${integerWords(yuan)}圆`;
  if (jiao === 0 && fen === 0) out += '整';
  else {
    out += jiao === 0 ? (yuan > 0n ? '零' : '') : `${DIGITS.charAt(jiao)}角`;
    if (fen !== 0) out += `${DIGITS.charAt(fen)}分`;
  }
  return (neg ? '负' : '') + (yuan === 0n && (jiao > 0 || fen > 0) ? out.replace(/^零圆/, '') : out);
}
