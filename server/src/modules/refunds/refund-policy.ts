import { type Currency, formatAmount } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import type { Text } from '../../platform/errors';
import type { OrderRow } from '../orders';
import { type InvoiceStanding, invoiceOutstanding } from './invoice-standing';
import { selfServiceRefundVerdict } from './self-service-refund';

// The refund policy engine, pure: given the facts of an order, its lines, its invoices and its payments,
// it answers per line what may be refunded and, for each refusal, the rule, the numbers and the fix (R13
// style). The same function decides the preview shown while drafting, the filing, and the acceptance under
// the order's lock (evaluate-refund.ts gathers the facts), so a preview never promises what acceptance
// refuses for a reason that was already known.

export type RefundRule = 'R30' | 'R32' | 'R33' | 'R35';

export interface Refusal {
  rule: RefundRule;
  code: string;
  message: Text;
  fixes: Text[];
}

/** Who is asking and when: a customer's own request (R33) is judged on its window only while filing. */
export interface PolicyContext {
  requester: 'customer' | 'partner' | 'staff';
  stage: 'draft' | 'acceptance';
  today: Temporal.PlainDate;
  mode: 'refund' | 'settled_offline';
}

/** A payment of the order a refund would go back through (R35); the wallet has no refund window. */
export interface PaymentFact {
  id: string;
  channel: string;
  paidOn: Temporal.PlainDate;
  amount: bigint;
  refunded: bigint;
  /** days after payment the provider still refunds; null for the wallet */
  windowDays: number | null;
}

export interface OrderFact {
  number: string;
  channel: OrderRow['channel'];
  currency: Currency;
  paid_at: Date | null;
  decided_at: Date | null;
  created_at: Date;
  standing: InvoiceStanding;
  /** newest first (allocation order, ADR 0022) */
  payments: PaymentFact[];
}

export interface LineFact {
  line_no: number;
  amount: bigint;
  refunded: bigint;
  pass_through: boolean;
  refundable: boolean;
  /** what pricing returns for the unused time (refund-line.ts), before any refusal */
  priced: bigint;
  /** a refusal found while pricing (a later renewal in the chain), or by an open request */
  blocked?: Refusal | undefined;
}

export interface LineVerdict {
  amount: bigint;
  refusals: Refusal[];
}

const VIA_SUPPORT: Text = { zh: '请联系客服办理退款', en: 'Contact support to request this refund' };
const VIA_FINANCE: Text = {
  zh: '请财务通过银行转账退回，或退到钱包余额（线下核销返还）',
  en: 'Have finance refund it by bank transfer, or credit it to the wallet (a settled-offline return)',
};

/** R33 and R30: refusals that hold for every line of the order. */
export function orderRefusals(o: OrderFact, ctx: PolicyContext): Refusal[] {
  const out: Refusal[] = [];
  const outstanding = invoiceOutstanding(o.standing);
  const cur = o.currency;
  if (ctx.requester === 'customer' && ctx.stage === 'draft') {
    const v = selfServiceRefundVerdict(o, ctx.today, outstanding > 0n);
    if (!v.ok) out.push({ rule: 'R33', code: v.code, message: v.message, fixes: [VIA_SUPPORT] });
  }
  // R30: a customer's R33 refusal already says "through support, red-letter first".
  if (outstanding > 0n && !out.some((r) => r.code === 'INVOICED_REFUND_VIA_SUPPORT')) {
    const issued = formatAmount(o.standing.issued, cur);
    const left = formatAmount(outstanding, cur);
    const reversed = formatAmount(o.standing.reversed, cur);
    out.push({
      rule: 'R30',
      code: 'RED_LETTER_FIRST',
      message: {
        zh: `R30：订单 ${o.number} 已开具发票 ${cur} ${issued}（已红冲 ${reversed}），未红冲的 ${cur} ${left} 须先红冲，才能退款`,
        en: `R30: invoices of ${cur} ${issued} were issued for order ${o.number} (${reversed} reversed); reverse the remaining ${cur} ${left} by red-letter first, then refund`,
      },
      fixes: [
        {
          zh: `请财务先红冲订单 ${o.number} 的发票（${cur} ${left}），再提交退款`,
          en: `Ask finance to reverse the invoice of order ${o.number} (${cur} ${left}) first, then file the refund`,
        },
      ],
    });
  }
  return out;
}

/** R32: per line, what may come back, and why not when nothing may. */
export function lineVerdict(
  l: LineFact,
  o: Pick<OrderFact, 'number' | 'currency'>,
  order: Refusal[],
): LineVerdict {
  const cur = o.currency;
  const at = { zh: `订单 ${o.number} 第 ${l.line_no} 行`, en: `Order ${o.number} line ${l.line_no}` };
  const refusals: Refusal[] = [...order];
  if (l.pass_through) {
    refusals.push({
      rule: 'R32',
      code: 'PASS_THROUGH_NOT_REFUNDED',
      message: {
        zh: `R32：${at.zh}为代收费用（如互通费），按原价转付第三方，不予退还`,
        en: `R32: ${at.en} is a pass-through fee (such as interop), paid on at cost, and never refunded`,
      },
      fixes: [],
    });
  } else if (!l.refundable) {
    refusals.push({
      rule: 'R32',
      code: 'LINE_NOT_REFUNDABLE',
      message: { zh: `R32：${at.zh}的套餐不可退款`, en: `R32: the plan of ${at.en} is not refundable` },
      fixes: [],
    });
  } else if (l.refunded > 0n && l.priced === 0n) {
    const paid = formatAmount(l.amount, cur);
    const back = formatAmount(l.refunded, cur);
    refusals.push({
      rule: 'R32',
      code: 'ALREADY_REFUNDED',
      message: {
        zh: `R32：${at.zh}已付 ${cur} ${paid}，已退 ${cur} ${back}，其余为已使用的服务期，没有可再退的金额`,
        en: `R32: ${at.en} paid ${cur} ${paid} and ${cur} ${back} was already refunded; the rest paid for time already used, so nothing more is refundable`,
      },
      fixes: [],
    });
  } else if (l.blocked) {
    refusals.push(l.blocked);
  } else if (l.priced === 0n) {
    refusals.push({
      rule: 'R32',
      code: 'NOTHING_LEFT_TO_REFUND',
      message: {
        zh: `R32：${at.zh}的服务期已用完，没有未使用的部分可退`,
        en: `R32: the service period of ${at.en} is used up; no unused time is left to refund`,
      },
      fixes: [],
    });
  }
  const amount = refusals.length > 0 ? 0n : minBig(l.priced, l.amount - l.refunded);
  return { amount, refusals };
}

export interface Allocation {
  paymentId: string;
  channel: string;
  amount: bigint;
}

/**
 * R35: an order's refund goes back through its payments, newest first (ADR 0022: the newest is the one
 * most surely inside its provider's window, and a refund undoes the latest money first), each never past
 * what it paid less what was already refunded. A payment past its provider's window cannot take any:
 * the refusal names the window and the fix.
 */
export function allocateRefund(
  amount: bigint,
  o: Pick<OrderFact, 'number' | 'currency' | 'payments'>,
  today: Temporal.PlainDate,
): { allocations: Allocation[]; refusal: Refusal | null } {
  const allocations: Allocation[] = [];
  let left = amount;
  for (const pay of o.payments) {
    if (left === 0n) break;
    const room = pay.amount - pay.refunded;
    if (room <= 0n) continue;
    if (pay.windowDays !== null) {
      const last = pay.paidOn.add({ days: pay.windowDays });
      if (Temporal.PlainDate.compare(today, last) > 0) {
        return { allocations: [], refusal: windowPassed(o, pay, last) };
      }
    }
    const take = minBig(room, left);
    allocations.push({ paymentId: pay.id, channel: pay.channel, amount: take });
    left -= take;
  }
  if (left > 0n) {
    const cur = o.currency;
    return {
      allocations: [],
      refusal: {
        rule: 'R35',
        code: 'REFUND_EXCEEDS_PAYMENTS',
        message: {
          zh: `R35：订单 ${o.number} 的付款只剩 ${cur} ${formatAmount(amount - left, cur)} 可退，少于申请的 ${cur} ${formatAmount(amount, cur)}`,
          en: `R35: the payments of order ${o.number} have only ${cur} ${formatAmount(amount - left, cur)} left to refund, less than the ${cur} ${formatAmount(amount, cur)} asked`,
        },
        fixes: [VIA_FINANCE],
      },
    };
  }
  return { allocations, refusal: null };
}

function windowPassed(o: Pick<OrderFact, 'number'>, pay: PaymentFact, last: Temporal.PlainDate): Refusal {
  return {
    rule: 'R35',
    code: 'PROVIDER_REFUND_WINDOW_PASSED',
    message: {
      zh: `R35：订单 ${o.number} 于 ${pay.paidOn} 经 ${pay.channel} 付款，该渠道只受理付款后 ${pay.windowDays} 天内（${last} 前）的原路退款，现已超过`,
      en: `R35: order ${o.number} was paid through ${pay.channel} on ${pay.paidOn}; that channel refunds only within ${pay.windowDays} days of payment (by ${last}), and that time has passed`,
    },
    fixes: [VIA_FINANCE],
  };
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
