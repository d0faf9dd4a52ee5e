import type { BillingCycle, Currency } from '@kaidan/shared';

// R46: a statement's figures, frozen when the job makes it. Amounts are minor units kept as integer
// strings in the stored JSON (bigint has no JSON form); `balanceOf` reads them back as bigint.

export type LineKind = 'order' | 'renewal' | 'topup' | 'payment' | 'refund';

export interface BalanceFigures {
  currency: Currency;
  opening: string;
  topups: string;
  payments: string;
  refunds: string;
  other: string;
  closing: string;
}

export interface StatementLine {
  date: string;
  kind: LineKind;
  reference: string;
  description: string;
  currency: Currency;
  amount: string;
  devices: number | null;
  months: number | null;
}

export interface StatementFigures {
  balances: BalanceFigures[];
  lines: StatementLine[];
}

export interface StatementRow {
  id: string;
  company_id: string;
  company_name: string;
  billing_cycle: BillingCycle;
  period_start: string;
  period_end: string;
  figures: StatementFigures;
  created_at: Date;
}

/** The wallet's own identity, which the statement shows: opening + top-ups + refunds − payments + other. */
export const movedTo = (b: BalanceFigures): bigint =>
  BigInt(b.opening) + BigInt(b.topups) + BigInt(b.refunds) - BigInt(b.payments) + BigInt(b.other);

export const LINE_KIND_TEXT: Record<LineKind, { zh: string; en: string }> = {
  order: { zh: '订单', en: 'Order' },
  renewal: { zh: '设备续费', en: 'Device renewal' },
  topup: { zh: '充值', en: 'Top-up' },
  payment: { zh: '支付', en: 'Payment' },
  refund: { zh: '退款', en: 'Refund' },
};
