import type { Currency } from '@kaidan/shared';
import { RefundChannel } from '@kaidan/shared/contracts/refunds';
import { iso, money } from '../../http/present';
import type { PlanName, RefundLineRow, RequestRefundPaymentRow } from '../refunds';
import type { RequestView } from './get-request';

// Wire shapes of requests: amounts as decimal strings, instants as ISO, `overdue` against R34's deadline.
export const presentRequest = ({ request: r, topup: t }: RequestView, now: Date) => ({
  id: r.id,
  number: r.number,
  category: r.category,
  ownerTeam: r.owner_team,
  state: r.state,
  partnerId: r.partner_id,
  companyId: r.company_id,
  payload: r.payload,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  submittedAt: iso(r.submitted_at),
  decidedBy: r.decided_by,
  decidedAt: iso(r.decided_at),
  dueAt: iso(r.due_at),
  dueProvisional: r.due_provisional,
  claimedBy: r.claimed_by,
  claimedByName: r.claimed_by_name,
  claimedAt: iso(r.claimed_at),
  overdue: r.state === 'submitted' && r.due_at !== null && r.due_at < now,
  topup: t && {
    walletOwnerType: t.wallet_owner_type,
    walletOwnerId: t.wallet_owner_id,
    walletOwnerName: t.wallet_owner_name,
    walletOwnerCode: t.wallet_owner_code,
    companyId: t.company_id,
    payer: t.payer,
    currency: t.currency,
    amount: money(t.amount, t.currency),
    bankRef: t.bank_ref,
  },
});

export const presentRefundLine = (
  l: Omit<RefundLineRow, 'id' | 'request_id'> & {
    order_number?: string;
    line_no?: number;
    plan_id?: string;
  } & Partial<PlanName>,
  cur: Currency,
) => ({
  orderId: l.order_id,
  orderLineId: l.order_line_id,
  mode: l.mode,
  amount: money(l.amount, cur),
  ...(l.order_number ? { orderNumber: l.order_number } : {}),
  ...(l.line_no ? { lineNo: l.line_no } : {}),
  ...(l.plan_id ? { planId: l.plan_id } : {}),
  ...(l.plan_name_zh ? { planName: { zh: l.plan_name_zh, en: l.plan_name_en ?? null } } : {}),
});

/** R35: one payment a refund went back through, with its own state and arrival. */
export const presentRefundPayment = (r: RequestRefundPaymentRow) => ({
  id: r.id,
  orderId: r.order_id,
  channel: RefundChannel.parse(r.channel),
  refundNo: r.refund_no,
  amount: money(r.amount, r.currency),
  state: r.state,
  providerRefundId: r.provider_refund_id,
  failure: r.failure,
  createdAt: r.created_at.toISOString(),
  arrivedAt: r.arrived_at?.toISOString() ?? null,
});
