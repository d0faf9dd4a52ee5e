import { newId } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import { toDate, today } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import type { Principal } from '../../platform/principal';
import { withdrawInvoiceRequests } from '../invoices';
import { addRefunded, markSettledOffline, type OrderRow, payerOf } from '../orders';
import { creditWallet } from '../wallets';
import { emitEvent, refundDone } from '../webhooks';
import { type EvaluatedOrder, evaluateRefund, type RefundMode } from './evaluate-refund';
import { refundLine } from './refund-line';
import { allocateRefund } from './refund-policy';
import { postRefundMove } from './refund-posting';
import { insertRefundPayments, refundLinesOf, setRefundLineAmount } from './refund-store';

export const REFUND_JOB = 'refund.execute';

/** Our refund number: WeChat Pay's out_refund_no is 1–64 of [A-Za-z0-9_-|*@]; Alipay and PayPal accept it. */
export const refundNoOf = (id: string): string => `RF${id.slice(id.indexOf('_') + 1).toUpperCase()}`;

/**
 * R32/R35/R27, in the approving transaction: the policy runs again under the orders' and payments' locks
 * (an invoice issued or a refund made since filing refuses it now); each line is refunded (never past
 * what it paid) and its entitlement rolled back latest-first; each order's amount is allocated across its
 * payments. The wallet is credited at once; a provider payment gets its refund number saved here, before
 * any provider call, and the `refund.execute` job (outbox) sends it. `refund.done` stays at approval
 * (ADR 0022): it says what was decided; arrival shows on the refund's payments.
 */
export async function acceptRefund(
  tx: Tx,
  clock: Clock,
  p: Principal,
  r: { id: string; number: string },
): Promise<void> {
  const filed = await refundLinesOf(tx, r.id);
  const mode: RefundMode = filed[0]?.mode ?? 'refund';
  const orderIds = [...new Set(filed.map((l) => l.order_id))];
  const ev = await evaluateRefund(tx, clock, p, {
    orderIds,
    mode,
    lock: true,
    stage: 'acceptance',
    requestId: r.id,
  });
  for (const eo of ev.orders) {
    const refusal = eo.refusals[0];
    if (refusal) throw acceptanceRefused(refusal.code, refusal.message, refusal.fixes);
  }
  // R33: an invoice request not yet issued is moot once its order is refunded; withdrawn in this transaction.
  const openInvoiceRequests = ev.orders.flatMap((eo) => eo.openInvoiceRequests);
  if (openInvoiceRequests.length > 0)
    await withdrawInvoiceRequests(tx, clock, p, openInvoiceRequests, `R33: ${r.number}`);
  const day = today(clock).toString();
  const cause = { cause: { type: 'request', id: r.id } };
  const byOrder = new Map<string, { eo: EvaluatedOrder; amount: bigint }>();
  const wanted = new Set(filed.map((l) => l.order_line_id));
  // R32: latest-first (the evaluation's order), so each renewal of a chain is the latest when its turn comes.
  for (const { order, line } of ev.lines.filter((x) => wanted.has(x.line.id))) {
    const rl = filed.find((l) => l.order_line_id === line.id);
    if (!rl) continue;
    const amount =
      mode === 'settled_offline' ? rl.amount : await refundLine(tx, clock, order, line, day, cause);
    if (amount !== rl.amount) await setRefundLineAmount(tx, rl.id, amount);
    if (amount > 0n && !(await addRefunded(tx, line.id, amount))) {
      throw acceptanceRefused('REFUND_EXCEEDS_PAID', {
        zh: `订单 ${order.number} 的退款将超过已付金额`,
        en: `Refunding order ${order.number} would exceed what was paid`,
      });
    }
    if (
      mode === 'settled_offline' &&
      !byOrder.has(order.id) &&
      !(await markSettledOffline(tx, clock, order.id))
    ) {
      throw acceptanceRefused('ALREADY_SETTLED_OFFLINE', {
        zh: `订单 ${order.number} 已线下核销`,
        en: `Order ${order.number} was already settled offline`,
      });
    }
    const eo = ev.orders.find((x) => x.order.id === order.id) as EvaluatedOrder;
    byOrder.set(order.id, { eo, amount: (byOrder.get(order.id)?.amount ?? 0n) + amount });
  }
  for (const { eo, amount } of byOrder.values()) {
    if (amount > 0n) await sendBack(tx, clock, r, mode, eo, amount);
  }
  const done = [...byOrder.values()].map(({ eo, amount }) => ({ order: eo.order, amount }));
  await emitEvent(tx, clock, refundDone(r, mode, done, toDate(clock.now())));
}

/** R35: one order's amount back through its payments, newest first; one row per payment touched. */
async function sendBack(
  tx: Tx,
  clock: Clock,
  r: { id: string; number: string },
  mode: RefundMode,
  eo: EvaluatedOrder,
  amount: bigint,
): Promise<void> {
  const o: OrderRow = eo.order;
  const { allocations, refusal } = allocateRefund(amount, { ...o, payments: eo.payments }, today(clock));
  if (refusal) throw acceptanceRefused(refusal.code, refusal.message, refusal.fixes);
  const now = toDate(clock.now());
  const ms = clock.now().epochMilliseconds;
  const rows = allocations.map((a) => {
    const id = newId('rfp', ms);
    const wallet = a.channel === 'wallet';
    const bank = a.channel === 'offline';
    return {
      id,
      request_id: r.id,
      order_id: o.id,
      attempt_id: wallet ? null : a.paymentId,
      channel: a.channel,
      refund_no: refundNoOf(id),
      currency: o.currency,
      amount: a.amount,
      // R32: the wallet is credited in this transaction, so its money is back at once.
      // A bank transfer is returned by finance's own transfer: owed (processing) until finance records it.
      state: wallet ? ('succeeded' as const) : bank ? ('processing' as const) : ('pending' as const),
      created_at: now,
      arrived_at: wallet ? now : null,
    };
  });
  await insertRefundPayments(tx, rows);
  for (const row of rows) {
    if (row.channel === 'wallet') {
      // One wallet credit per order keeps the settled-offline entry unique per order (R27: at most once).
      await creditWallet(tx, clock, {
        ...payerOf(o),
        currency: o.currency,
        amount: row.amount,
        kind: mode === 'settled_offline' ? 'settled_offline' : 'refund',
        from: mode === 'settled_offline' ? 'offline_settlement' : 'revenue',
        ref: { type: 'order', id: o.id },
        memo: r.number,
      });
      continue;
    }
    // Owed to the payer from now on; the job moves it out through the provider when the money arrives.
    await postRefundMove(tx, clock, row, {
      kind: 'refund',
      from: 'revenue',
      to: 'refunds_payable',
      memo: `${r.number} ${row.refund_no}`,
    });
    if (row.channel !== 'offline') await enqueueJob(tx, clock, REFUND_JOB, { refundPaymentId: row.id });
  }
}

function acceptanceRefused(
  code: string,
  message: { zh: string; en: string },
  fixes: { zh: string; en: string }[] = [],
) {
  return new AppError({ status: 409, code, message, ...(fixes.length > 0 ? { fixes } : {}) });
}
