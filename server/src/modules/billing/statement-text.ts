import { formatAmount } from '@kaidan/shared';
import { type BalanceFigures, LINE_KIND_TEXT, type StatementRow } from './statement';

// The words and cells a statement shows, once for the PDF and the XLSX, in Chinese or English.
export type Lang = 'zh' | 'en';

export const T = {
  title: { zh: '对账单', en: 'Statement' },
  company: { zh: '公司', en: 'Company' },
  period: { zh: '账期', en: 'Period' },
  cycle: { zh: '出账周期', en: 'Billing cycle' },
  made: { zh: '生成时间', en: 'Made at' },
  balances: { zh: '余额变动', en: 'Balance' },
  currency: { zh: '币种', en: 'Currency' },
  opening: { zh: '期初余额', en: 'Opening balance' },
  topups: { zh: '充值', en: 'Top-ups' },
  payments: { zh: '支付', en: 'Payments' },
  refunds: { zh: '退款', en: 'Refunds' },
  other: { zh: '其他', en: 'Other' },
  closing: { zh: '期末余额', en: 'Closing balance' },
  lines: { zh: '明细', en: 'Details' },
  date: { zh: '日期', en: 'Date' },
  kind: { zh: '类型', en: 'Kind' },
  reference: { zh: '单号', en: 'Reference' },
  method: { zh: '方式', en: 'Method' },
  devices: { zh: '设备数', en: 'Devices' },
  months: { zh: '月数', en: 'Months' },
  amount: { zh: '金额', en: 'Amount' },
  none: { zh: '本期无变动', en: 'No movements in this period' },
} as const;

export const CYCLE_TEXT = {
  monthly: { zh: '按月', en: 'Monthly' },
  quarterly: { zh: '按季', en: 'Quarterly' },
  yearly: { zh: '按年', en: 'Yearly' },
} as const;

export const t = (lang: Lang, k: keyof typeof T): string => T[k][lang];

export const BALANCE_HEADER = (lang: Lang): string[] =>
  (['currency', 'opening', 'topups', 'payments', 'refunds', 'other', 'closing'] as const).map((k) =>
    t(lang, k),
  );

export const balanceCells = (b: BalanceFigures): string[] => [
  b.currency,
  ...[b.opening, b.topups, b.payments, b.refunds, b.other, b.closing].map((v) =>
    formatAmount(BigInt(v), b.currency),
  ),
];

export const LINE_HEADER = (lang: Lang): string[] =>
  (['date', 'kind', 'reference', 'method', 'devices', 'months', 'currency', 'amount'] as const).map((k) =>
    t(lang, k),
  );

export const lineCells = (s: StatementRow, lang: Lang): string[][] =>
  s.figures.lines.map((l) => [
    l.date,
    LINE_KIND_TEXT[l.kind][lang],
    l.reference,
    l.description,
    l.devices === null ? '' : String(l.devices),
    l.months === null ? '' : String(l.months),
    l.currency,
    formatAmount(BigInt(l.amount), l.currency),
  ]);

export const heading = (s: StatementRow, lang: Lang): [string, string][] => [
  [t(lang, 'company'), s.company_name],
  [t(lang, 'period'), `${s.period_start} – ${s.period_end}`],
  [t(lang, 'cycle'), CYCLE_TEXT[s.billing_cycle][lang]],
];
