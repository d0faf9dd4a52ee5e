import type { PaymentMethodName } from '@kaidan/shared';
import { iso, money } from '../../http/present';
import type { OrderLineRow, OrderRow } from './order';
import type { OrderListRow, Receipt } from './order-store';
import type { Quote } from './quote-order';

export const presentOrder = (o: OrderRow & Receipt) => ({
  id: o.id,
  number: o.number,
  channel: o.channel,
  orderType: o.order_type,
  partnerId: o.partner_id,
  companyId: o.company_id,
  productId: o.product_id,
  currency: o.currency,
  total: money(o.total, o.currency),
  effectiveDate: o.effective_date,
  cotermTo: o.coterm_to,
  state: o.state,
  settledOfflineAt: iso(o.settled_offline_at),
  createdBy: o.created_by,
  createdAt: o.created_at.toISOString(),
  submittedAt: iso(o.submitted_at),
  receivedAt: iso(o.received_at),
  receivedBy: o.received_by ?? null,
  receivedByName: o.received_by_name ?? null,
  archivedAt: iso(o.archived_at),
  renameTo: o.rename_to_zh ? { zh: o.rename_to_zh, en: o.rename_to_en } : null,
  decidedAt: iso(o.decided_at),
  paidAt: iso(o.paid_at),
  decisionComment: o.decision_comment,
  paymentMethod: o.payment_method,
  paymentDueAt: iso(o.payment_due_at),
  version: o.version,
});

export const presentLine = (l: OrderLineRow, o: Pick<OrderRow, 'currency'>) => ({
  id: l.id,
  lineNo: l.line_no,
  planId: l.plan_id,
  seats: l.seats,
  durationUnit: l.duration_unit,
  durationValue: l.duration_value,
  days: l.days,
  periodStart: l.period_start,
  periodEnd: l.period_end,
  unitAmount: money(l.unit_amount, o.currency),
  amount: money(l.amount, o.currency),
  refunded: money(l.refunded, o.currency),
  passThrough: l.pass_through,
  refundable: l.refundable,
});

// The components the quote read are its working set, not part of the answer.
export const presentQuote = (
  { components: _read, ...q }: Quote,
  /** R28: what the quoted order may be paid by (order-payment.ts) */
  paymentMethods: PaymentMethodName[],
) => ({
  ...q,
  paymentMethods,
  company: {
    id: q.company.id,
    nameZh: q.company.name_zh,
    nameEn: q.company.name_en,
    tenantId: q.company.tenant_id,
  },
  lines: q.lines.map((l) => ({
    ...l,
    unitAmount: money(l.unitAmount, q.currency),
    amount: money(l.amount, q.currency),
  })),
  total: money(q.total, q.currency),
});

export const presentListedOrder = (o: OrderListRow) => ({
  ...presentOrder(o),
  companyName: o.company_name,
  tenantId: o.tenant_id,
});

export const ORDER_CSV_HEADER = [
  '单号 number',
  '状态 state',
  '类型 type',
  '渠道 channel',
  '客户 customer',
  '租户 tenant',
  '币种 currency',
  '金额 total',
  '创建 created',
  '付款 paid',
];
export const orderCsvRow = (o: OrderListRow) => [
  o.number,
  o.state,
  o.order_type,
  o.channel,
  o.company_name,
  o.tenant_id,
  o.currency,
  money(o.total, o.currency),
  o.created_at.toISOString(),
  iso(o.paid_at),
];
