import { formatAmount } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import { today } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { byLatest, refundLine } from '../entitlements';
import { findOrder, linesOf, type OrderRow } from '../orders';
import { COMMIT, requireActiveParty } from '../parties';
import { openRequest } from './open-request';
import { insertRefundLines, openRefundLines, type RefundLineRow } from './refund-store';
import { checkSelfServiceRefund, refuseCustomerMode } from './self-service-refund';
import { refuseRefundOfOthersMoney } from './transfer-rules';

export type RefundMode = 'refund' | 'settled_offline';

export interface RefundInput {
  orderIds: string[];
  mode: RefundMode;
  reason: string;
  /** R27: the write-off email or other evidence of the offline settlement */
  evidence?: string | undefined;
  submit?: boolean | undefined;
}

export type PlannedRefundLine = Omit<RefundLineRow, 'id' | 'request_id'> & {
  order_number: string;
  line_no: number;
  plan_id: string;
};

/**
 * R32: the refundable amount per line of a batch of paid orders. Pass-through lines (互通费) are never
 * refunded; a settled-offline order (R27) returns its wallet debit without touching entitlements. A
 * customer asks only within R33 (its own self-service orders, 7 days, no invoice).
 */
export async function planRefund(
  ex: Exec,
  clock: Clock,
  p: Principal,
  input: Pick<RefundInput, 'orderIds' | 'mode'>,
  /** filing locks the orders against a concurrent refund; a preview only reads */
  lock = false,
): Promise<{ orders: OrderRow[]; lines: PlannedRefundLine[] }> {
  const date = today(clock);
  const day = date.toString();
  const customer = p.kind === 'customer';
  if (customer) refuseCustomerMode(input.mode);
  const orders: OrderRow[] = [];
  for (const [i, id] of input.orderIds.entries()) {
    const o = await findOrder(ex, p, id, lock);
    if (!o) throw notFound({ zh: '订单', en: 'Order' });
    if (o.state !== 'paid') {
      throw invalid(`orderIds.${i}`, 'ORDER_NOT_PAID', {
        zh: `订单 ${o.number} 未付款，请直接作废`,
        en: `Order ${o.number} is not paid; void it instead`,
      });
    }
    if (customer) await checkSelfServiceRefund(ex, o, date, `orderIds.${i}`);
    await refuseRefundOfOthersMoney(ex, p, o, `orderIds.${i}`);
    if (input.mode === 'settled_offline' && o.settled_offline_at) {
      throw invalid(`orderIds.${i}`, 'ALREADY_SETTLED_OFFLINE', {
        zh: `订单 ${o.number} 已标记线下核销并返款`,
        en: `Order ${o.number} was already marked settled offline`,
      });
    }
    orders.push(o);
  }
  if (new Set(orders.map((o) => `${o.currency}:${o.partner_id ?? o.company_id}`)).size > 1) {
    throw invalid('orderIds', 'MIXED_REFUND_BATCH', {
      zh: '一次返款的订单须属于同一付款方和币种',
      en: 'A refund batch must have one payer and one currency',
    });
  }
  const lines: PlannedRefundLine[] = [];
  const all = (
    await Promise.all(orders.map(async (o) => (await linesOf(ex, [o.id])).map((l) => ({ o, l }))))
  ).flat();
  // R32: latest-first, so a batch holding a whole renewal chain plans as it will apply.
  const chain = new Map<string, string>();
  for (const { o, l } of all.sort((a, b) => byLatest(a.l, b.l))) {
    const amount =
      input.mode === 'settled_offline'
        ? l.pass_through
          ? 0n
          : l.amount - l.refunded
        : await refundLine(ex, clock, o, l, day, null, chain);
    if (amount > 0n)
      lines.push({
        order_id: o.id,
        order_line_id: l.id,
        mode: input.mode,
        amount,
        order_number: o.number,
        line_no: l.line_no,
        plan_id: l.plan_id,
      });
  }
  return { orders, lines };
}

export async function fileRefund(
  deps: Deps,
  p: Principal,
  input: RefundInput,
): Promise<{ id: string; number: string; state: string; total: bigint }> {
  requireRole(p, ['partner_agent', 'customer', 'sales', 'order_desk', 'admin'], {
    zh: '申请返款',
    en: 'request refunds',
  });
  await requireActiveParty(deps.database.db, p, COMMIT.refund);
  if (input.orderIds.length === 0)
    throw invalid('orderIds', 'REQUIRED', { zh: '请至少选择一个订单', en: 'Choose at least one order' });
  if (!input.reason.trim())
    throw invalid('reason', 'REQUIRED', { zh: '请填写返款原因', en: 'Give the reason for the refund' });
  if (input.mode === 'settled_offline' && !input.evidence?.trim()) {
    throw invalid('evidence', 'EVIDENCE_REQUIRED', {
      zh: '线下核销须附核销凭据（如核销邮件）',
      en: 'An offline settlement needs its evidence, such as the write-off email',
    });
  }
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
    const { orders, lines } = await planRefund(tx, clock, p, input, true);
    if (lines.length === 0) {
      throw new AppError({
        status: 422,
        code: 'NOTHING_TO_REFUND',
        message: {
          zh: '所选订单没有可退金额（互通费等代收费用不退）',
          en: 'Nothing refundable in these orders (pass-through fees are never refunded)',
        },
      });
    }
    const busy = await openRefundLines(
      tx,
      lines.map((l) => l.order_line_id),
    );
    if (busy.length > 0) {
      throw new AppError({
        status: 409,
        code: 'REFUND_ALREADY_REQUESTED',
        message: {
          zh: '部分订单行已在其他返款申请中',
          en: 'Some lines are already in another open refund request',
        },
        details: { lineIds: busy },
      });
    }
    const first = orders[0] as OrderRow;
    const total = lines.reduce((s, l) => s + l.amount, 0n);
    const opened = await openRequest(within(deps, tx), p, {
      category: 'refund',
      partnerId: first.channel === 'partner' ? first.partner_id : null,
      // A customer reads requests through their company (R33), so a one-company batch names it.
      companyId: orders.every((o) => o.company_id === first.company_id) ? first.company_id : null,
      payload: {
        mode: input.mode,
        reason: input.reason,
        evidence: input.evidence ?? null,
        currency: first.currency,
        total: formatAmount(total, first.currency),
        orderIds: input.orderIds,
      },
      after: { category: 'refund', mode: input.mode, total, orders: input.orderIds },
      reason: input.reason,
      submit: input.submit !== false,
    });
    await insertRefundLines(
      tx,
      clock,
      opened.id,
      lines.map(({ order_id, order_line_id, mode, amount }) => ({ order_id, order_line_id, mode, amount })),
    );
    return { ...opened, total };
  });
}
