import type { Clock } from '../../platform/clock';
import { today } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError, invalid, notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { byLatest } from '../entitlements';
import { findOrder, linesOf, type OrderLineRow, type OrderRow } from '../orders';
import { paidOrderPayments } from '../payments';
import { invoiceStandingOf, NO_INVOICE } from './invoice-standing';
import { refundablePrice, refundLine } from './refund-line';
import { refuseRefundOfOthersMoney } from './refund-payer';
import {
  type Allocation,
  allocateRefund,
  type LineVerdict,
  lineVerdict,
  type OrderFact,
  orderRefusals,
  type PaymentFact,
  type PolicyContext,
  type Refusal,
} from './refund-policy';
import { openRefundLines, refundedByAttempt } from './refund-store';
import { knownRefundWindows, type RefundWindows } from './refund-windows';
import { paidOn, refuseCustomerMode } from './self-service-refund';

export type RefundMode = 'refund' | 'settled_offline';

export interface EvaluatedLine {
  order: OrderRow;
  line: OrderLineRow;
  verdict: LineVerdict;
}

export interface EvaluatedOrder {
  order: OrderRow;
  refusals: Refusal[];
  payments: PaymentFact[];
  /** where this order's refundable amount goes back (R35), newest payment first */
  allocations: Allocation[];
  /** R33: invoice requests not yet issued, withdrawn with the refund */
  openInvoiceRequests: string[];
}

export interface Evaluation {
  orders: EvaluatedOrder[];
  /** latest-first (R32: a renewal chain is applied from its end) */
  lines: EvaluatedLine[];
}

export interface EvaluateInput {
  orderIds: string[];
  mode: RefundMode;
  /** filing and acceptance lock the orders and their payments; a preview only reads */
  lock?: boolean;
  stage?: PolicyContext['stage'];
  /** the request being accepted: its own lines are not "in another open request" */
  requestId?: string;
  windows?: RefundWindows;
}

/**
 * The facts a refund of these orders is judged on, and the policy's verdicts (refund-policy.ts): per
 * line the refundable amount or its refusals, per order the refusals that hold for all its lines and the
 * allocation across its payments. Input errors (an unknown or unpaid order, a mixed batch) are refused at
 * once; policy refusals are verdicts, so a preview can show them all.
 */
export async function evaluateRefund(
  ex: Exec,
  clock: Clock,
  p: Principal,
  input: EvaluateInput,
): Promise<Evaluation> {
  const date = today(clock);
  const day = date.toString();
  const ctx: PolicyContext = {
    requester: p.kind === 'customer' ? 'customer' : p.kind === 'partner' ? 'partner' : 'staff',
    stage: input.stage ?? 'draft',
    today: date,
    mode: input.mode,
  };
  if (ctx.requester === 'customer') refuseCustomerMode(input.mode);
  const orders: OrderRow[] = [];
  for (const [i, id] of input.orderIds.entries()) {
    const o = await findOrder(ex, p, id, input.lock ?? false);
    if (!o) throw notFound({ zh: '订单', en: 'Order' });
    if (o.state !== 'paid') {
      throw invalid(`orderIds.${i}`, 'ORDER_NOT_PAID', {
        zh: `订单 ${o.number} 未付款，请直接作废`,
        en: `Order ${o.number} is not paid; void it instead`,
      });
    }
    if (ctx.stage === 'draft') await refuseRefundOfOthersMoney(ex, p, o, `orderIds.${i}`);
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
  const ids = orders.map((o) => o.id);
  const [standings, allLines, paid] = await Promise.all([
    invoiceStandingOf(ex, ids),
    linesOf(ex, ids),
    paidOrderPayments(ex, ids, input.lock ?? false),
  ]);
  const refunded = await refundedByAttempt(
    ex,
    paid.map((a) => a.id),
  );
  const busy = new Set(
    await openRefundLines(
      ex,
      allLines.map((l) => l.id),
      input.requestId,
    ),
  );
  const windows = input.windows ?? knownRefundWindows;
  const facts = new Map<string, { fact: OrderFact; refusals: Refusal[] }>();
  for (const o of orders) {
    const own = paid.filter((a) => a.order_id === o.id);
    const lines = allLines.filter((l) => l.order_id === o.id);
    // An order paid without a provider (wallet; offline until its provider exists) is one wallet payment.
    const payments: PaymentFact[] =
      own.length > 0 && input.mode === 'refund'
        ? own.map((a) => ({
            id: a.id,
            channel: a.provider,
            paidOn: paidOn({ paid_at: a.paid_at, decided_at: null, created_at: a.paid_at }),
            amount: a.amount,
            refunded: refunded.get(a.id) ?? 0n,
            windowDays: windows(a.provider),
          }))
        : [
            {
              id: 'wallet',
              channel: 'wallet',
              paidOn: paidOn(o),
              amount: lines.reduce((s, l) => s + l.amount, 0n),
              refunded: lines.reduce((s, l) => s + l.refunded, 0n),
              windowDays: null,
            },
          ];
    const fact: OrderFact = { ...o, standing: standings.get(o.id) ?? NO_INVOICE, payments };
    facts.set(o.id, { fact, refusals: orderRefusals(fact, ctx) });
  }
  // R32: latest-first, so a batch holding a whole renewal chain plans as it will apply.
  const chain = new Map<string, string>();
  const lines: EvaluatedLine[] = [];
  const all = allLines.map((l) => ({ l, o: orders.find((o) => o.id === l.order_id) as OrderRow }));
  for (const { o, l } of all.sort((a, b) => byLatest(a.l, b.l))) {
    const f = facts.get(o.id) as { fact: OrderFact; refusals: Refusal[] };
    let priced = 0n;
    let blocked: Refusal | undefined;
    if (busy.has(l.id)) blocked = inAnotherRequest(o, l);
    else if (input.mode === 'settled_offline') priced = l.pass_through ? 0n : l.amount - l.refunded;
    else if (refundablePrice(l, day) > 0n) {
      try {
        priced = await refundLine(ex, clock, o, l, day, null, chain);
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'REFUND_LINE_REFUSED') throw e;
        blocked = { rule: 'R32', code: e.code, message: e.text, fixes: [] };
      }
    }
    lines.push({
      order: o,
      line: l,
      verdict: lineVerdict(
        // R27 returns the whole wallet debit but pass-through fees, refundable plan or not.
        { ...l, refundable: l.refundable || input.mode === 'settled_offline', priced, blocked },
        o,
        f.refusals,
      ),
    });
  }
  const out: EvaluatedOrder[] = [];
  for (const o of orders) {
    const f = facts.get(o.id) as { fact: OrderFact; refusals: Refusal[] };
    const amount = lines.filter((x) => x.order.id === o.id).reduce((s, x) => s + x.verdict.amount, 0n);
    const { allocations, refusal } = allocateRefund(amount, f.fact, date);
    if (refusal) {
      f.refusals.push(refusal);
      for (const x of lines) {
        if (x.order.id === o.id && x.verdict.amount > 0n) x.verdict = { amount: 0n, refusals: [refusal] };
      }
    }
    out.push({
      order: o,
      refusals: f.refusals,
      payments: f.fact.payments,
      allocations,
      openInvoiceRequests: f.fact.standing.openRequests,
    });
  }
  return { orders: out, lines };
}

function inAnotherRequest(o: OrderRow, l: OrderLineRow): Refusal {
  return {
    rule: 'R32',
    code: 'REFUND_ALREADY_REQUESTED',
    message: {
      zh: `订单 ${o.number} 第 ${l.line_no} 行已在另一份未决的退款申请中`,
      en: `Order ${o.number} line ${l.line_no} is already in another open refund request`,
    },
    fixes: [
      {
        zh: '等待该申请审核完毕，或先撤回它',
        en: 'Wait for that request to be decided, or withdraw it first',
      },
    ],
  };
}

/**
 * Filing and acceptance: every refusal of an order refuses the request (R33 on its order field with the
 * fix, others as 422 naming the rule); lines R32 excludes (pass-through, non-refundable, used up, already
 * refunded) simply return nothing; nothing refundable at all is refused.
 */
export function enforceEvaluation(ev: Evaluation, orderIds: string[]): void {
  for (const eo of ev.orders) {
    const r = eo.refusals[0];
    if (r) throw refusalError(r, `orderIds.${orderIds.indexOf(eo.order.id)}`);
  }
  for (const { verdict } of ev.lines) {
    const r = verdict.refusals.find((x) => BLOCKING.has(x.code));
    if (r) throw refusalError(r, null);
  }
  if (!ev.lines.some((l) => l.verdict.amount > 0n)) {
    throw new AppError({
      status: 422,
      code: 'NOTHING_TO_REFUND',
      message: {
        zh: '所选订单没有可退金额（互通费等代收费用不退）',
        en: 'Nothing refundable in these orders (pass-through fees are never refunded)',
      },
    });
  }
}

/** Whether filing now would pass `enforceEvaluation` (the preview's `fileable`). */
export const isFileable = (ev: Evaluation): boolean =>
  ev.orders.every((o) => o.refusals.length === 0) &&
  !ev.lines.some((l) => l.verdict.refusals.some((r) => BLOCKING.has(r.code))) &&
  ev.lines.some((l) => l.verdict.amount > 0n);

/** Line refusals that refuse the whole request rather than leave the line out. */
const BLOCKING = new Set(['REFUND_LINE_REFUSED', 'REFUND_ALREADY_REQUESTED']);

function refusalError(r: Refusal, field: string | null): AppError {
  if (field && r.rule === 'R33') return invalid(field, r.code, r.message, r.fixes);
  return new AppError({
    status: r.code === 'REFUND_ALREADY_REQUESTED' ? 409 : 422,
    code: r.code,
    message: r.message,
    ...(field ? { fields: [{ field, code: r.code, message: r.message }] } : {}),
    ...(r.fixes.length > 0 ? { fixes: r.fixes } : {}),
  });
}
