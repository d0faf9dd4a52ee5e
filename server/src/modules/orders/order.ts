import type { Currency, OrderType, PaymentMethodName, SalesChannel } from '@kaidan/shared';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import type { Lifecycle } from '../../platform/state-machine';

export type OrderState = 'draft' | 'submitted' | 'approved' | 'paid' | 'rejected' | 'voided' | 'deleted';
export type { OrderType, SalesChannel };

// Wallet orders capture on approval, so approved → paid happens in the approving transaction. Any other
// method (R29) stops at approved — awaiting payment until payment_due_at — and a settled payment moves it on.
export const ORDER_LIFECYCLE: Lifecycle<OrderState> = {
  draft: ['submitted', 'deleted'],
  submitted: ['approved', 'rejected', 'voided'],
  approved: ['paid', 'voided'],
  paid: [],
  rejected: [],
  voided: [],
  deleted: [],
};

export interface OrderRow {
  id: string;
  number: string;
  channel: SalesChannel;
  order_type: OrderType;
  partner_id: string | null;
  company_id: string;
  product_id: string;
  currency: Currency;
  total: bigint;
  effective_date: string;
  coterm_to: string | null;
  state: OrderState;
  settled_offline_at: Date | null;
  created_by: string | null;
  created_at: Date;
  submitted_at: Date | null;
  received_at: Date | null;
  contract_arrived_at: Date | null;
  /** R5: the countersigned contract went back to the customer (归档) */
  archived_at: Date | null;
  /** R7: the company's new name, applied when the renewal is approved */
  rename_to_zh: string | null;
  rename_to_en: string | null;
  decided_by: string | null;
  decided_at: Date | null;
  paid_at: Date | null;
  decision_comment: string | null;
  /** R28: how it is paid; anything but 'wallet' waits in 'approved' for a payment (R29, ADR 0020) */
  payment_method: PaymentMethodName;
  /** R29: when an approved order still unpaid by a non-wallet method expires (voided) */
  payment_due_at: Date | null;
  version: number;
}

export interface OrderLineRow {
  id: string;
  order_id: string;
  line_no: number;
  plan_id: string;
  seats: number;
  duration_unit: 'day' | 'month' | 'year' | null;
  duration_value: number | null;
  days: number;
  period_start: string;
  period_end: string;
  unit_amount: bigint;
  amount: bigint;
  pass_through: boolean;
  refundable: boolean;
  refunded: bigint;
}

/** Who pays: partner orders from the partner wallet, others from the customer's own wallet (R2, R28). */
export function payerOf(o: Pick<OrderRow, 'channel' | 'partner_id' | 'company_id'>): {
  ownerType: 'partner' | 'company';
  ownerId: string;
} {
  return o.channel === 'partner' && o.partner_id
    ? { ownerType: 'partner', ownerId: o.partner_id }
    : { ownerType: 'company', ownerId: o.company_id };
}

/**
 * R2: only the payer's own users commit its wallet (submit, hold): a partner wallet its agents; a company
 * wallet its users (a customer's scope is its company and subsidiaries, checked by the stores) or, for a
 * direct order, the staff who sell direct. Staff working for a partner's customer save drafts only.
 */
export function mayCommitWallet(
  p: Principal,
  o: Pick<OrderRow, 'channel' | 'partner_id' | 'company_id'>,
): boolean {
  const payer = payerOf(o);
  if (payer.ownerType === 'partner') return p.kind === 'partner' && p.partnerId === payer.ownerId;
  return p.kind === 'customer' || (p.kind === 'staff' && o.channel === 'direct');
}

export type CancelVerdict = { ok: true } | { ok: false; code: string; zh: string; en: string };

/** R3: a contract arrival is recorded once, on an order that is under review or already through it. */
export const contractExpected = (o: OrderRow): boolean =>
  !o.contract_arrived_at && ['submitted', 'approved', 'paid'].includes(o.state);

/** R5: the order desk archives an order once the countersigned contract has gone back to the customer. */
export const archivable = (o: OrderRow): boolean =>
  !o.archived_at && o.contract_arrived_at !== null && ['submitted', 'approved', 'paid'].includes(o.state);

/** R7: a renewal carries the company's new name only while it is a draft or submitted. */
export const renamable = (o: OrderRow): boolean =>
  o.order_type === 'renew' && (o.state === 'draft' || o.state === 'submitted');

/** R5: an archived unpaid order is voided only through a void request (signed void document or a manager's approval). */
export const voidRequestable = (o: OrderRow): boolean =>
  o.archived_at !== null && (o.state === 'submitted' || o.state === 'approved');

/** Throws the verdict's refusal (409, naming R5) unless it allows the action. */
export function enforceVerdict(v: CancelVerdict, state: string): void {
  if (v.ok) return;
  throw new AppError({
    status: 409,
    code: v.code,
    message: { zh: v.zh, en: v.en },
    details: { state, rule: 'R5' },
  });
}

/** R5: only a draft is deleted, and only by its creator. */
export function deleteVerdict(o: OrderRow, userId: string | null): CancelVerdict {
  if (o.state !== 'draft') {
    return {
      ok: false,
      code: 'DELETE_NOT_DRAFT',
      zh: '只有草稿可以删除；已提交的订单请作废',
      en: 'Only a draft can be deleted; void a submitted order instead',
    };
  }
  if (o.created_by !== userId) {
    return {
      ok: false,
      code: 'DELETE_NOT_CREATOR',
      zh: '只有创建人可以删除草稿',
      en: 'Only the draft’s creator may delete it',
    };
  }
  return { ok: true };
}

/** R5: who may cancel what depends on the state; every refusal states the rule. */
export function voidVerdict(o: OrderRow, userId: string | null): CancelVerdict {
  if (o.state === 'draft') {
    return { ok: false, code: 'VOID_DRAFT', zh: '草稿订单请直接删除', en: 'A draft is deleted, not voided' };
  }
  if (o.state === 'paid') {
    return {
      ok: false,
      code: 'VOID_PAID',
      zh: '订单已付款，只能通过退款（返款）申请取消',
      en: 'The order is paid; it can only be cancelled through a refund request',
    };
  }
  if (o.state !== 'submitted' && o.state !== 'approved') {
    return {
      ok: false,
      code: 'VOID_FINAL',
      zh: `订单已${o.state}，不能作废`,
      en: `The order is ${o.state} and cannot be voided`,
    };
  }
  if (o.archived_at) {
    return {
      ok: false,
      code: 'VOID_ARCHIVED',
      zh: '订单合同已盖章回传（已归档），须提交作废申请：附客户签章的作废订单，或经理特批',
      en: 'The countersigned contract has gone back (archived); file a void request with the customer’s signed void document or a manager’s approval',
    };
  }
  if (o.created_by !== userId) {
    return {
      ok: false,
      code: 'VOID_NOT_CREATOR',
      zh: '只有下单人可以作废该订单',
      en: 'Only the order’s creator may void it',
    };
  }
  if (o.contract_arrived_at) {
    return {
      ok: false,
      code: 'VOID_CONTRACT_ARRIVED',
      zh: '合同已到达，须先由订单组撤销到达登记',
      en: 'The contract has arrived; the order desk must cancel the arrival first',
    };
  }
  if (o.received_at) {
    return {
      ok: false,
      code: 'VOID_RECEIVED',
      zh: '订单组已接收该订单，请联系订单组处理',
      en: 'The order desk has already taken this order; ask the order desk',
    };
  }
  return { ok: true };
}

/** R3: why the system approved an order without a reviewer, as the trail and the order record it. */
export function autoReason(order: Pick<OrderRow, 'channel' | 'order_type'>): string {
  return order.channel === 'self_service'
    ? 'R3: self-service orders are approved automatically'
    : `R3: review policy auto (${order.order_type} · ${order.channel})`;
}

/** Revenue and pass-through payable of a captured order (the pass-through part is owed onwards). */
export function captureCredits(
  order: Pick<OrderRow, 'total'>,
  lines: { amount: bigint; pass_through: boolean }[],
) {
  const pass = lines.filter((l) => l.pass_through).reduce((s, l) => s + l.amount, 0n);
  return [
    { code: 'revenue' as const, amount: order.total - pass },
    { code: 'pass_through_payable' as const, amount: pass },
  ];
}

/** What a refusal calls an order. */
export const ORDER = { zh: '订单', en: 'Order' };
