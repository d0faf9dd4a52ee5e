import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { type AttemptRow, noteProviderTxn } from './payment-store';

/** The refunds module's job that returns money which came after its attempt stopped waiting (R29, R35). */
export const LATE_PAYMENT_JOB = 'payment.late_refund';

/**
 * R29: the payer's money arrived for an attempt that no longer waits (the order voided or expired, the QR
 * code closed). Nothing is granted or credited; in the same transaction the money is queued to go back by
 * its channel (outbox), with the provider's transaction kept for the refund. Money of another amount or
 * currency than the attempt's, and a bank transfer, are finance's to return by hand (the audit trail has it).
 */
export async function returnLatePayment(
  tx: Tx,
  clock: Clock,
  a: AttemptRow,
  paid: { amount: bigint; currency: Currency; providerTxnId: string | null },
): Promise<void> {
  if (a.provider === 'offline' || paid.amount !== a.amount || paid.currency !== a.currency) return;
  await noteProviderTxn(tx, a.id, paid.providerTxnId);
  await enqueueJob(tx, clock, LATE_PAYMENT_JOB, { attemptId: a.id });
}
