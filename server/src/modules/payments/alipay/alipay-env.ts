import type { EnvReader } from '../env-reader';
import type { AlipayConfig } from './alipay-provider';

/** Alipay from the environment (docs/payments.md "Configuration"); null when something is missing. */
export function alipayFromEnv(r: EnvReader, notifyUrl: string): AlipayConfig | null {
  const appId = r.need('ALIPAY_APP_ID');
  const privateKey = r.privateKey('ALIPAY_PRIVATE_KEY_FILE');
  const alipayPublicKey = r.publicKey('ALIPAY_PUBLIC_KEY_FILE');
  const window = r.optional('ALIPAY_REFUND_WINDOW_DAYS') ?? '365';
  const refundWindowDays = /^[1-9]\d{0,3}$/.test(window) ? Number(window) : 0;
  if (!refundWindowDays) r.missing.push('ALIPAY_REFUND_WINDOW_DAYS (a whole number of days, 1–9999)');
  if (!privateKey || !alipayPublicKey || r.missing.length > 0) return null;
  return {
    appId,
    privateKey,
    alipayPublicKey,
    notifyUrl,
    gateway: r.optional('ALIPAY_BASE_URL'),
    refundWindowDays,
  };
}
