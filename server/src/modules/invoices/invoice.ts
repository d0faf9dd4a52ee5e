import type { Currency } from '@kaidan/shared';
import { REVERSAL_REASONS } from '@kaidan/shared/contracts/invoices';
import type { Lifecycle } from '../../platform/state-machine';

// Fapiao vocabulary (seeds 002, 004; docs/invoices.md): 普通发票 (normal) and 增值税专用发票 (special),
// blue invoices and red-letter ones (红字发票) that reverse them, the official red-letter reasons.

export type InvoiceType = 'normal' | 'special';
export type InvoiceKind = 'blue' | 'red';
export type InvoiceLanguage = 'zh' | 'en';
export type RequestState = 'requested' | 'issued' | 'withdrawn' | 'refused';
export type ReversalState = 'pending_confirmation' | 'issued' | 'cancelled';
export type Series = 'normal' | 'special' | 'red_normal' | 'red_special';

export const REQUEST_LIFECYCLE: Lifecycle<RequestState> = {
  requested: ['issued', 'withdrawn', 'refused'],
  issued: [],
  withdrawn: [],
  refused: [],
};

export const REVERSAL_LIFECYCLE: Lifecycle<ReversalState> = {
  pending_confirmation: ['issued', 'cancelled'],
  issued: [],
  cancelled: [],
};

/** The official red-letter reasons (红冲原因) of the 全电 platform's 红字发票信息确认单. */
export { REVERSAL_REASONS };
export type ReversalReason = (typeof REVERSAL_REASONS)[number];
export const REASON_TEXT: Record<ReversalReason, { zh: string; en: string }> = {
  invoicing_error: { zh: '开票有误', en: 'Invoicing error' },
  sales_return: { zh: '销货退回', en: 'Sales return' },
  service_stopped: { zh: '服务中止', en: 'Service stopped' },
  sales_allowance: { zh: '销售折让', en: 'Sales allowance' },
};

export const TYPE_TEXT: Record<InvoiceType, { zh: string; en: string }> = {
  normal: { zh: '普通发票', en: 'VAT general invoice' },
  special: { zh: '增值税专用发票', en: 'VAT special invoice' },
};

/** The series a number is drawn from: blue per type, red-letter per type of the original. */
export const seriesOf = (kind: InvoiceKind, type: InvoiceType): Series =>
  kind === 'blue' ? type : type === 'normal' ? 'red_normal' : 'red_special';

const SERIES_PREFIX: Record<Series, string> = {
  normal: 'PP',
  special: 'ZP',
  red_normal: 'HP',
  red_special: 'HZ',
};
/** Digits of the sequence part: ten million invoices per series and year. */
export const SEQ_DIGITS = 8;

/** E.g. PP202600000001: the series letters, the year, the gap-free sequence. */
export const invoiceNumber = (series: Series, year: number, seq: bigint): string =>
  `${SERIES_PREFIX[series]}${year}${String(seq).padStart(SEQ_DIGITS, '0')}`;

/** The seller printed on every invoice (the vendor running Kaidan). */
export const SELLER = {
  name: { zh: '开单软件（上海）有限公司', en: 'Kaidan Software (Shanghai) Co., Ltd.' },
  taxId: '91310000MA1FL0KD39',
  address: '上海市浦东新区张江路 88 号 021-50800000',
  bank: '招商银行上海张江支行 121900000010001',
} as const;

// The short name of a tax classification that leads the item name (*信息技术服务*…), by code prefix.
const SHORT_NAMES: readonly [string, { zh: string; en: string }][] = [
  ['304', { zh: '信息技术服务', en: 'IT services' }],
  ['109', { zh: '计算机配套产品', en: 'Computer products' }],
];

/** The item name on a fapiao line: *税收分类简称*product plan. */
export function itemName(taxCode: string, product: string, plan: string, lang: InvoiceLanguage): string {
  const short = SHORT_NAMES.find(([p]) => taxCode.startsWith(p))?.[1] ?? { zh: '现代服务', en: 'Services' };
  return `*${short[lang]}*${product} ${plan}`;
}

export interface RequestRow {
  id: string;
  company_id: string;
  payer_type: 'partner' | 'company';
  payer_id: string;
  currency: Currency;
  invoice_type: InvoiceType;
  language: InvoiceLanguage;
  buyer_name: string;
  buyer_tax_id: string | null;
  buyer_address: string | null;
  buyer_phone: string | null;
  buyer_bank: string | null;
  buyer_account: string | null;
  email: string | null;
  total: bigint;
  tax_total: bigint;
  state: RequestState;
  requested_by: string | null;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  comment: string | null;
  version: number;
}

export interface RequestLineRow {
  id: string;
  request_id: string;
  line_no: number;
  order_id: string;
  order_number: string;
  order_line_id: string;
  item_name: string;
  tax_code: string;
  tax_rate_bp: number;
  amount: bigint;
  tax: bigint;
}

export interface InvoiceRow {
  id: string;
  number: string;
  series: Series;
  year: number;
  seq: bigint;
  kind: InvoiceKind;
  invoice_type: InvoiceType;
  company_id: string;
  payer_type: 'partner' | 'company';
  payer_id: string;
  request_id: string | null;
  original_id: string | null;
  reversal_id: string | null;
  reason: ReversalReason | null;
  currency: Currency;
  language: InvoiceLanguage;
  buyer_name: string;
  buyer_tax_id: string | null;
  buyer_address: string | null;
  buyer_phone: string | null;
  buyer_bank: string | null;
  buyer_account: string | null;
  total: bigint;
  tax_total: bigint;
  platform_ref: string;
  issued_by: string | null;
  issued_at: Date;
  issue_date: string;
}

export interface InvoiceLineRow {
  id: string;
  invoice_id: string;
  line_no: number;
  order_id: string;
  order_line_id: string;
  original_line_id: string | null;
  item_name: string;
  tax_code: string;
  tax_rate_bp: number;
  amount: bigint;
  tax: bigint;
}

export interface ReversalRow {
  id: string;
  invoice_id: string;
  company_id: string;
  reason: ReversalReason;
  buyer_booked: boolean;
  state: ReversalState;
  red_invoice_id: string | null;
  requested_by: string | null;
  requested_at: Date;
  confirmed_by: string | null;
  confirmed_at: Date | null;
  comment: string | null;
  version: number;
}
