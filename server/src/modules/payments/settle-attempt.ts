import type { Currency } from '@kaidan/shared';
import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { settleOrderPayment } from '../orders';
import { renewalMethod, settleRenewalPayment } from '../renewals';
import { creditWallet } from '../wallets';
import { returnLatePayment } from './late-payment';
import { type AttemptRow, lockAttempt, markClosed, markPaid } from './payment-store';

export type SettleOutcome =
  | 'settled'
  | 'already_settled'
  | 'late'
  | 'undeliverable'
  | 'amount_mismatch'
  | 'unknown_attempt';
export interface Settled {
  outcome: SettleOutcome;
  attemptId: string | null;
}

export interface PaidReport {
  amount: bigint;
  currency: Currency;
  providerTxnId: string | null;
}

/**
 * R25 online, R26, R29: the provider says the attempt is paid (a verified notification, or the query
 * job), or finance confirmed a bank transfer. In the caller's transaction, under the attempt's row lock:
 * pending → paid by a conditional UPDATE, and the money booked — a top-up credits the wallet (Dr provider
 * clearing / Cr wallet); an order payment pays the order (orders' settleOrderPayment: approved → paid,
 * the grant, Dr clearing / Cr revenue), and the audit row. Whoever comes second — a redelivery, a racing
 * query — finds it paid and changes nothing. Money for an order that no longer waits (voided, expired)
 * closes the attempt as late: nothing granted, the money goes back by its channel (`returnLatePayment`).
 */
export async function settlePaidAttempt(
  tx: Tx,
  clock: Clock,
  by: { id: string } | { merchantOrderNo: string },
  paid: PaidReport,
  via: 'notification' | 'query' | 'confirm',
  confirmedBy?: Principal,
): Promise<Settled> {
  const a = await lockAttempt(tx, by);
  if (!a) return { outcome: 'unknown_attempt', attemptId: null };
  const is = (outcome: SettleOutcome): Settled => ({ outcome, attemptId: a.id });
  if (a.state === 'paid') return is('already_settled');
  // Money for a closed attempt is recorded, never credited silently: it goes back by its channel.
  if (a.state !== 'pending') {
    if (a.state === 'closed') await returnLatePayment(tx, clock, a, paid);
    return is('late');
  }
  if (paid.amount !== a.amount || paid.currency !== a.currency) return is('amount_mismatch');
  const actor = confirmedBy ?? systemPrincipal(via === 'query' ? 'job' : 'api');
  if (a.order_id) {
    const clearing = a.provider === 'offline' ? 'offline_cash' : 'provider_clearing';
    const pay = { attemptId: a.id, amount: a.amount, currency: a.currency, from: clearing } as const;
    const got = await settleOrderPayment(tx, clock, actor, a.order_id, {
      ...pay,
      memo: `${a.provider} ${a.merchant_order_no}`,
    });
    if (got === 'amount_mismatch') return is('amount_mismatch');
    if (got === 'late' || got === 'undeliverable') return is(await closeLate(tx, clock, actor, a, paid, got));
  }
  if (a.device_order_id) {
    const got = await settleRenewalPayment(tx, clock, actor, a.device_order_id, {
      attemptId: a.id,
      method: renewalMethod(a.provider),
      amount: a.amount,
      currency: a.currency,
      from: 'provider_clearing',
      memo: `${a.provider} ${a.merchant_order_no}`,
    });
    if (got === 'amount_mismatch') return is('amount_mismatch');
    if (got === 'late') return is(await closeLate(tx, clock, actor, a, paid, got));
  }
  const now = toDate(clock.now());
  const row = await markPaid(tx, a.id, now, paid.providerTxnId);
  if (!row) return is('already_settled');
  if (a.purpose === 'topup') {
    await creditWallet(tx, clock, {
      ownerType: a.owner_type,
      ownerId: a.owner_id,
      currency: a.currency,
      amount: a.amount,
      kind: 'topup',
      from: 'provider_clearing',
      ref: { type: 'payment_attempt', id: a.id },
      memo: `${a.provider} ${a.merchant_order_no}`,
    });
  }
  await appendAudit(tx, clock, actorOf(actor), {
    objectType: 'payment_attempt',
    objectId: a.id,
    action: 'payment.paid',
    stateBefore: 'pending',
    stateAfter: 'paid',
    after: { amount: a.amount.toString(), currency: a.currency, providerTxnId: paid.providerTxnId, via },
  });
  return is('settled');
}

/**
 * R29: the payer paid an order that stopped waiting (its creator voided it, or it expired while the
 * provider still said "paying"). The attempt closes with the money noted on the trail; nothing is
 * granted; the refunds module's job returns it by the original channel (R35).
 */
async function closeLate(
  tx: Tx,
  clock: Clock,
  actor: Principal,
  a: AttemptRow,
  paid: PaidReport,
  outcome: 'late' | 'undeliverable',
): Promise<SettleOutcome> {
  if (!(await markClosed(tx, a.id, toDate(clock.now())))) return 'already_settled';
  await returnLatePayment(tx, clock, a, paid);
  await appendAudit(tx, clock, actorOf(actor), {
    objectType: 'payment_attempt',
    objectId: a.id,
    action: 'payment.late',
    stateBefore: 'pending',
    stateAfter: 'closed',
    reason: 'R29: paid after the order stopped waiting for payment; nothing granted, refunded by its channel',
    after: { amount: a.amount.toString(), currency: a.currency, providerTxnId: paid.providerTxnId },
  });
  return outcome;
}
