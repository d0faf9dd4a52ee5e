import { Temporal } from 'temporal-polyfill';
import { type Clock, toDate } from '../../platform/clock';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import type { JobHandler } from '../../platform/jobs/worker';
import { actorOf, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { emitEvent, paymentFailed } from '../webhooks';
import { expireDeviceOrderIfClosed } from './expire-device-order-payment';
import { expireOrderIfClosed } from './expire-order-payment';
import { EXPIRE_JOB } from './online-attempt';
import { attemptById, lockAttempt, markClosed } from './payment-store';
import { type Payments, providerOf } from './provider';
import { settlePaidAttempt } from './settle-attempt';

/** While the payer is still entering a password (WeChat Pay USERPAYING), ask again after this long. */
export const PAYING_RECHECK = Temporal.Duration.from({ minutes: 1 });

/**
 * The query job for an attempt past its expiry (enqueued with the attempt, outbox): it asks the provider
 * first, since a notification may have been lost. Paid → settled exactly as a notification would (same
 * locked transaction, so a racing notification settles once); still paying → the job reschedules itself
 * in the same transaction; otherwise the provider order is closed and the attempt becomes closed
 * (abandoned), `payment.failed` is raised, and an order it was paying expires if due and nothing else is
 * open (R29). A provider that cannot be reached throws, and the worker retries with backoff.
 */
export const expireAttemptJob =
  (clock: Clock, payments: Payments): JobHandler =>
  async (tx, payload) => {
    const id = typeof payload.attemptId === 'string' ? payload.attemptId : '';
    const a = await attemptById(tx, id);
    if (a?.state !== 'pending') return;
    const provider = providerOf(payments, a.provider);
    if (!provider) throw new Error(`payment provider ${a.provider} is not configured`);
    const status = await provider.queryAttempt(a.merchant_order_no);
    if (status.state === 'paid') {
      await settlePaidAttempt(tx, clock, { id }, status, 'query');
      return;
    }
    if (status.state === 'paying') {
      await enqueueJob(tx, clock, EXPIRE_JOB, { attemptId: id }, clock.now().add(PAYING_RECHECK));
      return;
    }
    await provider.closeAttempt(a.merchant_order_no);
    const locked = await lockAttempt(tx, { id });
    if (locked?.state !== 'pending') return;
    const closed = await markClosed(tx, id, toDate(clock.now()));
    if (!closed) return;
    await appendAudit(tx, clock, actorOf(systemPrincipal('job')), {
      objectType: 'payment_attempt',
      objectId: id,
      action: 'payment.abandoned',
      stateBefore: 'pending',
      stateAfter: 'closed',
      reason: 'not paid by its expiry',
    });
    await emitEvent(tx, clock, paymentFailed(closed, 'expired', toDate(clock.now())));
    // R29: its order expires with it once due (none is still open: a payer retrying opens a new attempt).
    if (closed.order_id) await expireOrderIfClosed(tx, clock, closed.order_id);
    if (closed.device_order_id) await expireDeviceOrderIfClosed(tx, clock, closed.device_order_id);
  };
