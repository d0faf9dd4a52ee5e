import type { EnvReader } from '../env-reader';
import type { PaypalConfig } from './paypal-provider';
import { PAYPAL_CERT_ORIGINS } from './paypal-webhook';

/** PayPal from the environment (docs/payments.md "Configuration"); null when something is missing. */
export function paypalFromEnv(r: EnvReader, orderIdOf: PaypalConfig['orderIdOf']): PaypalConfig | null {
  const clientId = r.need('PAYPAL_CLIENT_ID');
  const clientSecret = r.need('PAYPAL_CLIENT_SECRET');
  const webhookId = r.need('PAYPAL_WEBHOOK_ID');
  const environment = r.need('PAYPAL_ENVIRONMENT');
  if (environment && environment !== 'sandbox' && environment !== 'production')
    r.missing.push('PAYPAL_ENVIRONMENT (sandbox or production)');
  // the payer comes back to the console after approving (or cancelling) at PayPal
  const returnUrl =
    r.optional('PAYPAL_RETURN_URL') ??
    `${r.need('PUBLIC_URL', 'where PayPal returns the payer').replace(/\/$/, '')}/`;
  const origins = r
    .optional('PAYPAL_CERT_ORIGINS')
    ?.split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const o of origins ?? []) {
    if (!URL.canParse(o) || new URL(o).origin !== o)
      r.missing.push(`PAYPAL_CERT_ORIGINS (${o} is not an origin)`);
  }
  if (r.missing.length > 0 || (environment !== 'sandbox' && environment !== 'production')) return null;
  return {
    clientId,
    clientSecret,
    webhookId,
    environment,
    returnUrl,
    cancelUrl: returnUrl,
    certOrigins: origins ?? PAYPAL_CERT_ORIGINS,
    baseUrl: r.optional('PAYPAL_BASE_URL'),
    orderIdOf,
  };
}
