import type { Currency } from '@kaidan/shared';
import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { creditWallet } from '../wallets';
import { lockAttempt, markPaid } from './payment-store';

export type SettleOutcome = 'settled' | 'already_settled' | 'late' | 'amount_mismatch' | 'unknown_attempt';
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
 * R25 online, R26: the provider says the attempt is paid (a verified notification, or the query job).
 * In the caller's transaction, under the attempt's row lock: pending → paid by a conditional UPDATE, the
 * wallet credited through the ledger (Dr provider clearing / Cr wallet), and the audit row. Whoever comes
 * second — a redelivery, a racing query — finds it paid and changes nothing.
 */
export async function settlePaidAttempt(
  tx: Tx,
  clock: Clock,
  by: { id: string } | { merchantOrderNo: string },
  paid: PaidReport,
  via: 'notification' | 'query',
): Promise<Settled> {
  const a = await lockAttempt(tx, by);
  if (!a) return { outcome: 'unknown_attempt', attemptId: null };
  const is = (outcome: SettleOutcome): Settled => ({ outcome, attemptId: a.id });
  if (a.state === 'paid') return is('already_settled');
  // Money for a closed or failed attempt is recorded, never credited silently: finance refunds it.
  if (a.state !== 'pending') return is('late');
  if (paid.amount !== a.amount || paid.currency !== a.currency) return is('amount_mismatch');
  const now = toDate(clock.now());
  const row = await markPaid(tx, a.id, now, paid.providerTxnId);
  if (!row) return is('already_settled');
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
  await appendAudit(tx, clock, actorOf(systemPrincipal(via === 'query' ? 'job' : 'api')), {
    objectType: 'payment_attempt',
    objectId: a.id,
    action: 'payment.paid',
    stateBefore: 'pending',
    stateAfter: 'paid',
    after: { amount: a.amount.toString(), currency: a.currency, providerTxnId: paid.providerTxnId, via },
  });
  return is('settled');
}
