import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { attemptByMerchantOrderNo, insertNotification, setNotificationOutcome } from './payment-store';
import {
  type PaymentEvent,
  type PaymentProvider,
  type Payments,
  type ProviderAnswer,
  providerOf,
  type RawNotification,
} from './provider';
import { settlePaidAttempt } from './settle-attempt';

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
  let e = verdict.event;
  if (e.status === 'approved') {
    const done = await completeApproved(deps, provider, e);
    if (done === 'failed') {
      // not claimed: the provider redelivers the approval and we try again
      const outcome = 'retry:complete_failed';
      await insertNotification(deps.database.db, {
        ...base,
        notificationId: e.notificationId,
        verified: false,
        outcome,
      });
      return { answer: provider.answer(false), outcome };
    }
    if (done) e = done;
  }
  const outcome = await transact(deps.database.db, async (tx) => {
    const fresh = await insertNotification(tx, {
      ...base,
      notificationId: e.notificationId,
      verified: true,
      outcome: 'received',
    });
    if (!fresh) return 'duplicate';
    if (e.status !== 'paid') {
      const outcome = e.status === 'approved' ? 'approved' : 'not_paid';
      await setNotificationOutcome(tx, base.id, outcome, null);
      return outcome;
    }
    const by = { merchantOrderNo: e.merchantOrderNo };
    const settled = await settlePaidAttempt(tx, deps.clock, by, e, 'notification');
    await setNotificationOutcome(tx, base.id, settled.outcome, settled.attemptId);
    return settled.outcome;
  });
  return { answer: provider.answer(true), outcome };
}

/**
 * An approved payment (PayPal) is completed before anything is recorded, outside any transaction (a
 * network call must not hold PGlite's one session, and the provider's completion notification will
 * need it): only for a pending attempt, so a late approval takes no money. Paid → the event settles as
 * any paid notification; failed → the approval is answered as failed and the provider redelivers it.
 */
async function completeApproved(
  deps: Deps,
  provider: PaymentProvider,
  e: PaymentEvent,
): Promise<PaymentEvent | 'failed' | null> {
  const a = await attemptByMerchantOrderNo(deps.database.db, e.merchantOrderNo);
  if (a?.state !== 'pending' || !provider.complete) return null;
  try {
    const s = await provider.complete(e);
    if (s.state !== 'paid') return null;
    return { ...e, status: 'paid', amount: s.amount, currency: s.currency, providerTxnId: s.providerTxnId };
  } catch {
    return 'failed';
  }
}
