import type { Currency } from '@kaidan/shared';
import { newId } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import type { AttemptRow } from './payment-store';
import type { PaymentProvider } from './provider';
import { TOPUP_TTL } from './start-online-topup';

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
