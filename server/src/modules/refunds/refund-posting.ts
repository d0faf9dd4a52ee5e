import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { type AccountCode, ensureAccount, postEntry } from '../ledger';
import type { RefundPaymentRow } from './refund-store';

/**
 * R35: the money of one refund payment moves between two of the books' own accounts under the refund
 * payment's reference — revenue → refunds payable when the refund is accepted (owed to the payer from then
 * on), refunds payable → provider clearing when the provider's money has arrived back; for money that came
 * late (R29), provider clearing → refunds payable when it is found, since it was never revenue. One entry, debit
 * `from`, credit `to`, so the payable of a refund payment nets to zero exactly when its money is back.
 */
export async function postRefundMove(
  tx: Tx,
  clock: Clock,
  rp: Pick<RefundPaymentRow, 'id' | 'currency' | 'amount'>,
  move: {
    kind: 'refund' | 'refund_arrived' | 'late_payment';
    from: AccountCode;
    to: AccountCode;
    memo: string;
  },
): Promise<void> {
  const [debit, credit] = await Promise.all([
    ensureAccount(tx, clock, move.from, rp.currency, null),
    ensureAccount(tx, clock, move.to, rp.currency, null),
  ]);
  await postEntry(tx, clock, {
    kind: move.kind,
    currency: rp.currency,
    refType: 'refund_payment',
    refId: rp.id,
    memo: move.memo,
    postings: [
      { accountId: debit, amount: rp.amount },
      { accountId: credit, amount: -rp.amount },
    ],
  });
}
