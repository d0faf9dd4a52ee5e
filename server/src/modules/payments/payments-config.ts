import type { Clock } from '../../platform/clock';
import type { Payments } from './provider';
import { generateSandboxKeys, type SandboxKeys, SandboxPlatform } from './sandbox-platform';
import { sandboxProvider } from './sandbox-provider';

export const NOTIFY_PATH = '/api/v1/payments/notify';

/** Payments with only the sandbox provider, whose platform sends notifications to `notifyBase`. */
export function sandboxPayments(
  clock: Clock,
  notifyBase: () => string,
  keys: SandboxKeys = generateSandboxKeys(),
  send?: typeof fetch,
): { payments: Payments; platform: SandboxPlatform } {
  const platform = new SandboxPlatform(keys, clock, send);
  const provider = sandboxProvider(platform, clock, () => `${notifyBase()}${NOTIFY_PATH}/sandbox`);
  return {
    platform,
    payments: {
      providers: new Map([['sandbox', provider]]),
      preferred: 'sandbox',
      sandbox: { pay: (no) => platform.pay(no) },
    },
  };
}

export class PaymentsConfigError extends Error {}

/**
 * What the server offers, from its environment. KAIDAN_PAYMENTS_SANDBOX=1 (or the demo) turns on the
 * sandbox, whose keys are generated at start; it is refused with NODE_ENV=production, where its pay
 * button would credit wallets with money nobody paid. Real WeChat Pay, Alipay and PayPal merchants are
 * not built yet (docs/payments.md); without the sandbox, no online payment is offered. The sandbox
 * notifies this server itself, at the address it listens on (`notifyBase`), not at PUBLIC_URL.
 */
export function paymentsFromEnv(
  env: Record<string, string | undefined>,
  clock: Clock,
  opts: { demo: boolean; notifyBase: () => string },
): Payments | undefined {
  const wanted = env.KAIDAN_PAYMENTS_SANDBOX === '1' || (opts.demo && env.KAIDAN_PAYMENTS_SANDBOX !== '0');
  if (!wanted) return undefined;
  if (env.NODE_ENV === 'production')
    throw new PaymentsConfigError(
      'KAIDAN_PAYMENTS_SANDBOX=1 is refused when NODE_ENV=production: its pay button credits wallets ' +
        'without real money. Unset it, or run a demo deployment without NODE_ENV=production.',
    );
  return sandboxPayments(clock, opts.notifyBase).payments;
}
