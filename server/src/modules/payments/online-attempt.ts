import type { Currency } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import type { Exec } from '../../platform/db/database';
import type { Deps } from '../../platform/deps';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type AttemptRow, attemptById, insertAttempt, type NewAttempt } from './payment-store';
import type { PaymentProvider } from './provider';

/** A QR code is good this long; then the expiry job asks the provider and closes the attempt. */
export const TOPUP_TTL = Temporal.Duration.from({ minutes: 30 });
export const EXPIRE_JOB = 'payment.expire';

/** A pending attempt of this provider still alive: reopening the pay screen shows the same QR code. */
export const openAttemptOf = (attempts: AttemptRow[], provider: PaymentProvider, now: Temporal.Instant) =>
  attempts.find(
    (a) =>
      a.state === 'pending' && a.provider === provider.name && a.expires_at.getTime() > now.epochMilliseconds,
  );

export interface ProviderAttempt {
  id: string;
  merchantOrderNo: string;
  codeUrl: string;
  expiresAt: Temporal.Instant;
}

/**
 * R29: the provider's order for paying something due at `dueAt`: it expires with the QR code or the
 * deadline, whichever is first. The provider first: if it refuses, nothing is recorded; if the caller's
 * insert then fails, the provider's order simply expires.
 */
export async function providerAttempt(
  provider: PaymentProvider,
  now: Temporal.Instant,
  dueAt: Date | null,
  pay: { amount: bigint; currency: Currency; description: string },
): Promise<ProviderAttempt> {
  const id = newId('pay', now.epochMilliseconds);
  const merchantOrderNo = `KD${id.slice(4).toUpperCase()}`;
  const qrEnd = now.add(TOPUP_TTL);
  const due = dueAt ? Temporal.Instant.fromEpochMilliseconds(dueAt.getTime()) : qrEnd;
  const expiresAt = Temporal.Instant.compare(due, qrEnd) < 0 ? due : qrEnd;
  const { codeUrl } = await provider.createAttempt({ merchantOrderNo, expiresAt, ...pay });
  return { id, merchantOrderNo, codeUrl, expiresAt };
}

/**
 * Records an attempt in the caller's transaction: the row, the audit entry `payment.started` (one shape for
 * top-ups, orders and device orders), and for an online one the job that closes it at its expiry.
 */
export async function recordAttempt(
  tx: Exec,
  deps: Pick<Deps, 'clock'>,
  p: Principal,
  a: NewAttempt,
  expiry: Temporal.Instant | null,
  ref: Record<string, string> = {},
): Promise<AttemptRow> {
  await insertAttempt(tx, a);
  if (expiry) await enqueueJob(tx, deps.clock, EXPIRE_JOB, { attemptId: a.id }, expiry);
  await appendAudit(tx, deps.clock, actorOf(p), {
    objectType: 'payment_attempt',
    objectId: a.id,
    action: 'payment.started',
    stateAfter: 'pending',
    after: {
      purpose: a.purpose,
      ...ref,
      amount: a.amount.toString(),
      currency: a.currency,
      provider: a.provider,
    },
  });
  const row = await attemptById(tx, a.id);
  if (!row) throw new Error('attempt not recorded');
  return row;
}
