import { formatAmount } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import type { OrderRow } from '../orders';
import { COMMIT, requireActiveParty } from '../parties';
import { enforceEvaluation, evaluateRefund, insertRefundLines, type RefundMode } from '../refunds';
import { openRequest } from './open-request';

export interface RefundInput {
  orderIds: string[];
  mode: RefundMode;
  reason: string;
  /** R27: the write-off email or other evidence of the offline settlement */
  evidence?: string | undefined;
  submit?: boolean | undefined;
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
    // The refunds module's policy, under the orders' locks (R30, R32, R33, R35): any refusal refuses.
    const ev = await evaluateRefund(tx, clock, p, { orderIds: input.orderIds, mode: input.mode, lock: true });
    enforceEvaluation(ev, input.orderIds);
    const orders = ev.orders.map((o) => o.order);
    const lines = ev.lines
      .filter((l) => l.verdict.amount > 0n)
      .map(({ order, line, verdict }) => ({
        order_id: order.id,
        order_line_id: line.id,
        mode: input.mode,
        amount: verdict.amount,
      }));
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
    await insertRefundLines(tx, clock, opened.id, lines);
    return { ...opened, total };
  });
}
