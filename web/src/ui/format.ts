// Display-only formatting. Amounts stay decimal strings end to end: we regroup the digits, never
// parse them into floats (DESIGN §5: no floats for money, anywhere).
const SYMBOL: Record<string, string> = { CNY: '¥', USD: '$' };

export function formatAmount(amount: string, currency: string): string {
  const negative = amount.startsWith('-');
  const [int = '0', frac = ''] = (negative ? amount.slice(1) : amount).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = `${grouped}.${frac.padEnd(2, '0')}`;
  return `${negative ? '-' : ''}${SYMBOL[currency] ?? `${currency} `}${body}`;
}

const TZ = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string): Intl.DateTimeFormat {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: TZ,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hour12: false,
    });
    formatters.set(locale, f);
  }
  return f;
}

/** Instants are shown in business time (Asia/Shanghai); plain 'YYYY-MM-DD' dates as they are. */
export function formatDateTime(iso: string, locale: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter(locale).format(d);
}
