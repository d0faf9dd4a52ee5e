import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { attemptByMerchantOrderNo, insertNotification, setNotificationOutcome } from './payment-store';
import { type Payments, type ProviderAnswer, providerOf, type RawNotification } from './provider';
import { settlePaidAttempt } from './settle-attempt';
import { EXPIRE_JOB } from './start-online-topup';

/** Headers kept with a notification: the provider's own (signature, serial…) and the content type. */
const KEPT = /^(wechatpay-|paypal-|content-type$|user-agent$)/;

export interface Received {
  answer: ProviderAnswer;
  outcome: string;
}

/**
 * A provider's notification, verified on the raw body before anything is read from it. A refused one
 * (stale, tampered, unknown key) is recorded as unverified and answered as failed, so the provider
 * retries a genuine one. A verified one is stored once under (provider, notification id) and processed
 * in the same transaction; a duplicate is answered as received and changes nothing.
 */
export async function receiveNotification(
  deps: Deps,
  payments: Payments,
  providerName: string,
  raw: RawNotification & { headers: Record<string, string> },
): Promise<Received | null> {
  const provider = providerOf(payments, providerName);
  if (!provider) return null;
  const verdict = await provider.verifyNotification(raw);
  const headers = Object.fromEntries(Object.entries(raw.headers).filter(([k]) => KEPT.test(k.toLowerCase())));
  const base = {
    id: newId('pnt', deps.clock.now().epochMilliseconds),
    provider: provider.name,
    headers,
    rawBody: raw.body,
    receivedAt: toDate(deps.clock.now()),
  };
  if (!verdict.ok) {
    const outcome = `refused:${verdict.reason}`;
    await insertNotification(deps.database.db, {
      ...base,
      notificationId: verdict.notificationId,
      verified: false,
      outcome,
    });
    return { answer: provider.answer(false), outcome };
  }
  const e = verdict.event;
  const outcome = await transact(deps.database.db, async (tx) => {
    const fresh = await insertNotification(tx, {
      ...base,
      notificationId: e.notificationId,
      verified: true,
      outcome: 'received',
    });
    if (!fresh) return 'duplicate';
    if (e.status === 'approved') {
      // PayPal: approved, not yet captured. The query job captures it (outside this transaction, and
      // retried if PayPal is unreachable); queued now rather than at the attempt's expiry.
      const a = await attemptByMerchantOrderNo(tx, e.merchantOrderNo);
      if (a?.state === 'pending') await enqueueJob(tx, deps.clock, EXPIRE_JOB, { attemptId: a.id });
      await setNotificationOutcome(tx, base.id, a ? 'approved' : 'unknown_attempt', a?.id ?? null);
      return a ? 'approved' : 'unknown_attempt';
    }
    if (e.status !== 'paid') {
      await setNotificationOutcome(tx, base.id, 'not_paid', null);
      return 'not_paid';
    }
    const by = { merchantOrderNo: e.merchantOrderNo };
    const settled = await settlePaidAttempt(tx, deps.clock, by, e, 'notification');
    await setNotificationOutcome(tx, base.id, settled.outcome, settled.attemptId);
    return settled.outcome;
  });
  return { answer: provider.answer(true), outcome };
}
