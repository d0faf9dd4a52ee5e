import { newId } from '@kaidan/shared';
import { type Clock, toDate } from '../../platform/clock';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import type { JobHandler } from '../../platform/jobs/worker';
import { actorOf, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { refundSourceById } from '../payments';
import { REFUND_JOB, refundNoOf } from './accept-refund';
import { postRefundMove } from './refund-posting';
import { insertLateRefund } from './refund-store';

/**
 * `payment.late_refund` (R29, R35): money that came for a closed attempt goes back by its channel with no
 * request to file — nobody decides to keep money the payer got nothing for. In one transaction: the refund
 * payment with its number (once per attempt), the money found in provider clearing owed back (Dr clearing /
 * Cr refunds payable), the audit row, and `refund.execute`, which sends and follows it like any refund.
 */
export const refundLatePaymentJob =
  (clock: Clock): JobHandler =>
  async (tx, payload) => {
    const attemptId = typeof payload.attemptId === 'string' ? payload.attemptId : '';
    const a = await refundSourceById(tx, attemptId);
    if (a?.state !== 'closed' || a.provider === 'offline') return;
    const now = clock.now();
    const id = newId('rfp', now.epochMilliseconds);
    const row = {
      id,
      attempt_id: a.id,
      channel: a.provider,
      refund_no: refundNoOf(id),
      currency: a.currency,
      amount: a.amount,
      created_at: toDate(now),
    };
    if (!(await insertLateRefund(tx, row))) return;
    await postRefundMove(tx, clock, row, {
      kind: 'late_payment',
      from: 'provider_clearing',
      to: 'refunds_payable',
      memo: `${a.provider} ${a.merchant_order_no} ${row.refund_no}`,
    });
    await appendAudit(tx, clock, actorOf(systemPrincipal('job')), {
      objectType: 'payment_attempt',
      objectId: a.id,
      action: 'refund.late_payment',
      reason: 'R29: the money came after the attempt closed; returned by its channel',
      after: {
        refundNo: row.refund_no,
        refundPaymentId: id,
        amount: a.amount.toString(),
        channel: a.provider,
      },
    });
    await enqueueJob(tx, clock, REFUND_JOB, { refundPaymentId: id });
  };
