import { type KeyObject, X509Certificate } from 'node:crypto';
import type { EnvReader } from '../env-reader';
import type { WechatpayConfig } from './wechatpay-provider';

/**
 * WeChat Pay from the environment (docs/payments.md "Configuration"). The platform keys come from the
 * platform certificate files (each known by its serial), from the WeChat Pay public key and its id
 * (`PUB_KEY_ID_…`), or both — WeChat Pay signs with either while a merchant moves from one to the other.
 */
/** null when something is missing: `r.missing` names it. */
export function wechatpayFromEnv(r: EnvReader, notifyUrl: string): WechatpayConfig | null {
  const mchid = r.need('WECHATPAY_MCHID');
  const appid = r.need('WECHATPAY_APPID');
  const serial = r.need('WECHATPAY_SERIAL');
  const privateKey = r.privateKey('WECHATPAY_PRIVATE_KEY_FILE');
  const apiV3Key = r.need('WECHATPAY_APIV3_KEY');
  if (apiV3Key && Buffer.byteLength(apiV3Key) !== 32) r.missing.push('WECHATPAY_APIV3_KEY (32 characters)');
  const platformKeys = new Map<string, KeyObject>();
  const certFiles = r.optional('WECHATPAY_PLATFORM_CERT_FILES');
  for (const path of certFiles
    ?.split(',')
    .map((p) => p.trim())
    .filter(Boolean) ?? []) {
    const pem = r.file('WECHATPAY_PLATFORM_CERT_FILES', path);
    if (!pem) continue;
    try {
      const cert = new X509Certificate(pem);
      platformKeys.set(cert.serialNumber.toUpperCase(), cert.publicKey);
    } catch {
      r.missing.push(`WECHATPAY_PLATFORM_CERT_FILES (${path} is not a certificate)`);
    }
  }
  const keyId = r.optional('WECHATPAY_PUBLIC_KEY_ID');
  const keyFile = r.optional('WECHATPAY_PUBLIC_KEY_FILE');
  if (keyId || keyFile) {
    const id = r.need('WECHATPAY_PUBLIC_KEY_ID', 'with WECHATPAY_PUBLIC_KEY_FILE');
    const key = keyFile
      ? r.publicKey('WECHATPAY_PUBLIC_KEY_FILE', r.file('WECHATPAY_PUBLIC_KEY_FILE', keyFile))
      : null;
    if (!keyFile) r.missing.push('WECHATPAY_PUBLIC_KEY_FILE (with WECHATPAY_PUBLIC_KEY_ID)');
    if (id && key) platformKeys.set(id, key);
  }
  if (!certFiles && !keyId && !keyFile)
    r.missing.push('WECHATPAY_PLATFORM_CERT_FILES or WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY_FILE');
  if (!privateKey || r.missing.length > 0) return null;
  return {
    mchid,
    appid,
    serial,
    privateKey,
    apiV3Key,
    platformKeys,
    notifyUrl,
    baseUrl: r.optional('WECHATPAY_BASE_URL'),
  };
}
