import { newId, type PaymentMethodName } from '@kaidan/shared';
import type { Temporal } from 'temporal-polyfill';
import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit, appendAudits } from '../audit/audit-store';
import { orderableCompany } from '../parties';
import { autoReason, mayCommitWallet, type OrderRow } from './order';
import {
  type OnlineOffer,
  ORDER_DUE_JOB,
  offeredMethods,
  paymentWindow,
  refuseMethod,
} from './order-payment';
import { insertOrder, type NewLine } from './order-store';
import { autoApprovedTrail, payPlacedOrder } from './pay-placed-order';
import { type OrderInput, type Quote, quoteOrder } from './quote-order';
import { notYourWallet, routeSubmitted } from './submit-order';

export const ORDERING_ROLES = ['partner_agent', 'customer', 'sales', 'order_desk', 'admin'] as const;

export interface PlacedOrder {
  id: string;
  number: string;
  state: OrderRow['state'];
  quote: Quote;
}

export function toNewLines(q: Quote): NewLine[] {
  return q.lines.map((l) => ({
    line_no: l.lineNo,
    plan_id: l.planId,
    seats: l.seats,
    duration_unit: l.durationUnit,
    duration_value: l.durationValue,
    days: l.days,
    period_start: l.periodStart,
    period_end: l.periodEnd,
    unit_amount: l.unitAmount,
    amount: l.amount,
    pass_through: l.passThrough,
    refundable: l.refundable,
  }));
}

/**
 * R1 + R2 + R3: save the order as a draft, and with `submit` hold the money and route it for review —
 * or, where the review policy approves at once, insert it paid (ADR 0015). One transaction: the company
 * (locked when submitting), the catalog and the components in three reads, then the writes, the wallet last.
 */
export async function placeOrder(
  deps: Deps,
  p: Principal,
  input: OrderInput & { submit?: boolean | undefined; paymentMethod?: PaymentMethodName | undefined },
  /** the online providers this server runs (R28); none: wallet and offline only */
  online: readonly OnlineOffer[] = [],
): Promise<PlacedOrder> {
  requireRole(p, [...ORDERING_ROLES], { zh: '下单', en: 'place orders' });
  const { clock } = deps;
  const submit = input.submit === true;
  return transact(deps.database.db, async (tx) => {
    const company = await orderableCompany(tx, p, input.companyId, submit);
    const quote = await quoteOrder(tx, clock, p, input, { company, lockComponents: submit });
    const now = toDate(clock.now());
    const method = input.paymentMethod ?? 'wallet';
    // R28: the wallet is offered on every channel, so the hot path (ADR 0015) decides nothing here.
    if (method !== 'wallet') {
      const offered = offeredMethods(quote, online);
      if (!offered.includes(method)) throw refuseMethod(method, offered, quote);
    }
    const auto = submit && quote.reviewMode === 'auto';
    // R29: approved at once but paid by anything but the wallet, it waits for its payment.
    const awaiting = auto && method !== 'wallet';
    const due = awaiting ? clock.now().add(paymentWindow(method, false)) : null;
    const order: Omit<OrderRow, 'number'> = {
      id: newId('ord', clock.now().epochMilliseconds),
      channel: quote.channel,
      order_type: quote.orderType,
      partner_id: quote.partnerId,
      company_id: quote.company.id,
      product_id: quote.productId,
      currency: quote.currency,
      total: quote.total,
      effective_date: quote.effectiveDate,
      coterm_to: quote.cotermTo,
      state: awaiting ? 'approved' : auto ? 'paid' : submit ? 'submitted' : 'draft',
      settled_offline_at: null,
      created_by: p.userId,
      created_at: now,
      submitted_at: submit ? now : null,
      received_at: null,
      contract_arrived_at: null,
      archived_at: null,
      rename_to_zh: null,
      rename_to_en: null,
      // R40: an automatic decision is the system's, its cause the policy.
      decided_by: null,
      decided_at: auto ? now : null,
      paid_at: auto && !awaiting ? now : null,
      decision_comment: auto ? autoReason({ channel: quote.channel, order_type: quote.orderType }) : null,
      payment_method: method,
      payment_due_at: due ? toDate(due) : null,
      version: 1,
    };
    // R2 before anything is written: only the payer's own users commit its wallet.
    if (submit && !mayCommitWallet(p, order)) throw await notYourWallet(tx, { ...order, number: '' });
    const newLines = toNewLines(quote);
    const { number, lineIds } = await insertOrder(tx, clock, order, newLines);
    const placed: OrderRow = { ...order, number };
    const done = (state: OrderRow['state']) => ({ id: placed.id, number, state, quote });
    if (due) {
      await awaitPayment(tx, clock, p, placed, due);
      return done('approved');
    }
    if (auto) {
      const lines = newLines.map((l, i) => ({ ...l, id: lineIds[i] as string }));
      await payPlacedOrder(tx, clock, p, placed, lines, quote.components);
      return done('paid');
    }
    if (submit) return done(await routeSubmitted(tx, clock, p, placed, null, 'manual', true));
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'order',
      objectId: placed.id,
      action: 'create',
      stateAfter: 'draft',
      after: { number, total: quote.total, lines: quote.lines.length },
    });
    return done('draft');
  });
}

/**
 * R29: placed and approved by the policy, paid by a provider or a transfer: the trail of its submission
 * and automatic approval, and the job that voids it if still unpaid when due. Nothing held, nothing granted.
 */
async function awaitPayment(
  tx: Tx,
  clock: Clock,
  p: Principal,
  order: OrderRow,
  due: Temporal.Instant,
): Promise<void> {
  await appendAudits(
    tx,
    clock,
    autoApprovedTrail(p, order, { method: order.payment_method }, { paymentDueAt: due.toString() }),
  );
  await enqueueJob(tx, clock, ORDER_DUE_JOB, { orderId: order.id }, due);
}
