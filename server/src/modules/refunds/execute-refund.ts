import { Temporal } from 'temporal-polyfill';
import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import type { JobHandler } from '../../platform/jobs/worker';
import { actorOf, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type Payments, providerOf, refundSourceById } from '../payments';
import { REFUND_JOB } from './accept-refund';
import { postRefundMove } from './refund-posting';
import { moveRefundPayment, type RefundPaymentRow, refundPaymentById } from './refund-store';

/** While the provider still processes a refund, ask again after this long (WeChat Pay: minutes to days). */
export const REFUND_RECHECK = Temporal.Duration.from({ minutes: 10 });

/**
 * `refund.execute` (R35): sends a provider refund with the refund number saved at approval and follows it
 * until the money is back with the payer. Pending → the provider's `refund` (idempotent on our number, so
 * a retry after a lost answer or a rolled-back run refunds once); processing → `queryRefund`, again later
 * while the provider still processes; succeeded → arrived_at and the payable leaves through the provider
 * (Dr refunds payable / Cr provider clearing); failed → recorded for finance (the fix: bank transfer or
 * wallet credit), the money still owed. Each step is a conditional UPDATE: a second run changes nothing.
 * A provider that cannot be reached throws, and the worker retries with backoff.
 */
export const executeRefundJob =
  (clock: Clock, payments: Payments): JobHandler =>
  async (tx, payload) => {
    const id = typeof payload.refundPaymentId === 'string' ? payload.refundPaymentId : '';
    const rp = await refundPaymentById(tx, id);
    if (!rp || rp.attempt_id === null || rp.state === 'succeeded' || rp.state === 'failed') return;
    const attempt = await refundSourceById(tx, rp.attempt_id);
    if (!attempt) throw new Error(`refund payment ${id} lost its payment ${rp.attempt_id}`);
    const provider = providerOf(payments, rp.channel);
    if (!provider) throw new Error(`payment provider ${rp.channel} is not configured`);
    const status =
      rp.state === 'pending'
        ? await provider.refund({
            merchantOrderNo: attempt.merchant_order_no,
            providerTxnId: attempt.provider_txn_id,
            refundNo: rp.refund_no,
            amount: rp.amount,
            total: attempt.amount,
            currency: rp.currency,
            reason: `Kaidan refund ${rp.refund_no}`,
          })
        : await provider.queryRefund(attempt.merchant_order_no, rp.refund_no);
    const now = toDate(clock.now());
    if (status.state === 'failed') {
      const moved = await moveRefundPayment(tx, id, ['pending', 'processing'], 'failed', {
        failure: status.reason,
        submittedAt: now,
      });
      if (moved) await audit(tx, clock, rp, 'refund.payment_failed', 'failed', status.reason);
      return;
    }
    if (status.state === 'processing') {
      const moved = await moveRefundPayment(tx, id, ['pending', 'processing'], 'processing', {
        providerRefundId: status.providerRefundId,
        submittedAt: now,
      });
      if (moved && rp.state === 'pending')
        await audit(tx, clock, rp, 'refund.payment_submitted', 'processing');
      await enqueueJob(tx, clock, REFUND_JOB, { refundPaymentId: id }, clock.now().add(REFUND_RECHECK));
      return;
    }
    const moved = await moveRefundPayment(tx, id, ['pending', 'processing'], 'succeeded', {
      providerRefundId: status.providerRefundId,
      submittedAt: now,
      arrivedAt: toDate(status.arrivedAt),
    });
    if (!moved) return;
    await postRefundMove(tx, clock, rp, {
      kind: 'refund_arrived',
      from: 'refunds_payable',
      to: 'provider_clearing',
      memo: `${rp.channel} ${rp.refund_no}`,
    });
    await audit(tx, clock, rp, 'refund.payment_arrived', 'succeeded');
  };

async function audit(
  tx: Tx,
  clock: Clock,
  rp: RefundPaymentRow,
  action: string,
  to: string,
  reason?: string,
): Promise<void> {
  await appendAudit(tx, clock, actorOf(systemPrincipal('job')), {
    objectType: 'refund_payment',
    objectId: rp.id,
    action,
    stateBefore: rp.state,
    stateAfter: to,
    after: {
      refundNo: rp.refund_no,
      channel: rp.channel,
      amount: rp.amount.toString(),
      requestId: rp.request_id,
    },
    ...(reason ? { reason } : {}),
  });
}
