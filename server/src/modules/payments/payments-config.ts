import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { alipayFromEnv } from './alipay/alipay-env';
import { alipayProvider } from './alipay/alipay-provider';
import { EnvReader } from './env-reader';
import { attemptByMerchantOrderNo } from './payment-store';
import { paypalFromEnv } from './paypal/paypal-env';
import { orderIdOfLink, paypalProvider } from './paypal/paypal-provider';
import type { PaymentProvider, Payments, ProviderName } from './provider';
import { generateSandboxKeys, type SandboxKeys, SandboxPlatform } from './sandbox-platform';
import { sandboxProvider } from './sandbox-provider';
import { wechatpayFromEnv } from './wechatpay/wechatpay-env';
import { wechatpayProvider } from './wechatpay/wechatpay-provider';

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
 * What the server offers, from its environment (docs/payments.md "Configuration"). Each real provider is
 * wanted as soon as one of its variables is set (`WECHATPAY_…`, `ALIPAY_…`, `PAYPAL_…`) and must then be
 * complete: otherwise PaymentsConfigError names every variable missing, across all providers, and the
 * server does not start. Their notifications go to PUBLIC_URL (the address the providers can reach).
 * KAIDAN_PAYMENTS_SANDBOX=1 (or the demo) adds the sandbox, whose keys are generated at start; it is
 * refused with NODE_ENV=production, where its pay button would credit wallets with money nobody paid,
 * and it notifies this server itself, at the address it listens on (`notifyBase`). Nothing set: no
 * online payment (undefined).
 */
export function paymentsFromEnv(
  env: Record<string, string | undefined>,
  clock: Clock,
  opts: { demo: boolean; notifyBase: () => string; db?: Exec },
): Payments | undefined {
  const sandboxWanted =
    env.KAIDAN_PAYMENTS_SANDBOX === '1' || (opts.demo && env.KAIDAN_PAYMENTS_SANDBOX !== '0');
  if (sandboxWanted && env.NODE_ENV === 'production')
    throw new PaymentsConfigError(
      'KAIDAN_PAYMENTS_SANDBOX=1 is refused when NODE_ENV=production: its pay button credits wallets ' +
        'without real money. Unset it, or run a demo deployment without NODE_ENV=production.',
    );
  const providers = new Map<ProviderName, PaymentProvider>();
  const missing: string[] = [];
  const notifyUrl = (r: EnvReader, name: ProviderName) =>
    `${r.need('PUBLIC_URL', `where ${name} notifies`).replace(/\/$/, '')}${NOTIFY_PATH}/${name}`;
  const wechat = new EnvReader(env);
  if (wechat.wants('WECHATPAY_')) {
    const cfg = wechatpayFromEnv(wechat, notifyUrl(wechat, 'wechatpay'));
    if (cfg) providers.set('wechatpay', wechatpayProvider(cfg, clock));
    missing.push(...wechat.missing);
  }
  const alipay = new EnvReader(env);
  if (alipay.wants('ALIPAY_')) {
    const cfg = alipayFromEnv(alipay, notifyUrl(alipay, 'alipay'));
    if (cfg) providers.set('alipay', alipayProvider(cfg, clock));
    missing.push(...alipay.missing);
  }
  const paypal = new EnvReader(env);
  if (paypal.wants('PAYPAL_')) {
    const db = opts.db;
    // PayPal names an order by its own id: read back from the approval link stored with the attempt
    const orderIdOf = async (no: string) =>
      db ? orderIdOfLink((await attemptByMerchantOrderNo(db, no))?.code_url ?? null) : null;
    const cfg = paypalFromEnv(paypal, orderIdOf);
    if (cfg) providers.set('paypal', paypalProvider(cfg, clock));
    missing.push(...paypal.missing);
  }
  if (missing.length > 0)
    throw new PaymentsConfigError(
      `Payment provider configuration is incomplete; missing or invalid: ${[...new Set(missing)].join(', ')}. ` +
        'Set them (docs/payments.md, Configuration), or unset the provider’s variables to run without it.',
    );
  let sandbox: Payments['sandbox'];
  if (sandboxWanted) {
    const sb = sandboxPayments(clock, opts.notifyBase).payments;
    for (const [name, pv] of sb.providers) providers.set(name, pv);
    sandbox = sb.sandbox;
  }
  if (providers.size === 0) return undefined;
  const preferred = PREFERENCE.find((name) => providers.has(name)) ?? null;
  return { providers, preferred, ...(sandbox ? { sandbox } : {}) };
}

/** The provider an online top-up uses when the caller names none: a real CNY one before the sandbox. */
const PREFERENCE: readonly ProviderName[] = ['wechatpay', 'alipay', 'sandbox', 'paypal'];
