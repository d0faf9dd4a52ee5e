import type { KeyObject } from 'node:crypto';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { Clock } from '../../platform/clock';
import { minorOfFen } from './money-edge';
import {
  cnyPaymentEvent,
  type ProviderAnswer,
  type RawNotification,
  refusalOf,
  type Verification,
} from './provider';

// WeChat Pay API v3 notifications (支付通知), verified as WeChat Pay specifies, through its SDK:
// - Wechatpay-Signature is RSA-SHA256 over "timestamp\nnonce\nbody\n" with the platform key named by
//   Wechatpay-Serial (platform certificate serial, or the public key id `PUB_KEY_ID_…`);
// - Wechatpay-Timestamp must be within 5 minutes of our clock (a replay of an old capture is stale);
// - `resource` is AEAD_AES_256_GCM under the APIv3 key, its nonce and associated_data from the body.
// Used by the sandbox provider today and by the real WeChat Pay adapter when a merchant is configured.

export interface WechatVerifyKeys {
  /** platform keys by serial (certificate serial or public key id) */
  platformKeys: ReadonlyMap<string, KeyObject>;
  /** the 32-byte APIv3 key */
  apiV3Key: string;
}

export const MAX_SKEW_SECONDS = 300;

interface NotificationBody {
  id?: unknown;
  event_type?: unknown;
  resource?: { ciphertext?: unknown; nonce?: unknown; associated_data?: unknown; algorithm?: unknown };
}
interface Transaction {
  out_trade_no?: unknown;
  transaction_id?: unknown;
  trade_state?: unknown;
  amount?: { total?: unknown; currency?: unknown };
}

const parse = <T>(text: string): T | null => {
  try {
    const v: unknown = JSON.parse(text);
    return v !== null && typeof v === 'object' ? (v as T) : null;
  } catch {
    return null;
  }
};
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

export function verifyWechatNotification(
  raw: RawNotification,
  keys: WechatVerifyKeys,
  clock: Clock,
): Verification {
  const body = parse<NotificationBody>(raw.body);
  const notificationId = str(body?.id)?.slice(0, 64) ?? null;
  const refuse = refusalOf(notificationId);
  const timestamp = raw.header('wechatpay-timestamp') ?? '';
  const nonce = raw.header('wechatpay-nonce') ?? '';
  const signature = raw.header('wechatpay-signature') ?? '';
  const serial = raw.header('wechatpay-serial') ?? '';
  if (!/^\d{1,12}$/.test(timestamp) || !nonce || !signature) return refuse('malformed');
  const key = keys.platformKeys.get(serial);
  if (!key) return refuse('unknown_serial');
  const skew = Math.abs(clock.now().epochMilliseconds / 1000 - Number(timestamp));
  if (skew > MAX_SKEW_SECONDS) return refuse('stale');
  let signed = false;
  try {
    signed = Rsa.verify(Formatter.response(timestamp, nonce, raw.body), signature, key);
  } catch {
    signed = false;
  }
  if (!signed) return refuse('bad_signature');
  const r = body?.resource;
  const ciphertext = str(r?.ciphertext);
  const iv = str(r?.nonce);
  if (!body || !notificationId || !ciphertext || !iv || r?.algorithm !== 'AEAD_AES_256_GCM') {
    return refuse('malformed');
  }
  let plain: string;
  try {
    plain = Aes.AesGcm.decrypt(ciphertext, keys.apiV3Key, iv, str(r?.associated_data) ?? '');
  } catch {
    // signed by the platform but not decryptable under our APIv3 key: not ours, or a key mix-up
    return refuse('malformed');
  }
  const t = parse<Transaction>(plain);
  const merchantOrderNo = str(t?.out_trade_no);
  const amount = minorOfFen(t?.amount?.total);
  if (!t || !merchantOrderNo || amount === null || t.amount?.currency !== 'CNY') return refuse('malformed');
  const paid = body.event_type === 'TRANSACTION.SUCCESS' && t.trade_state === 'SUCCESS';
  return cnyPaymentEvent(paid, {
    notificationId,
    merchantOrderNo,
    amount,
    providerTxnId: str(t.transaction_id),
  });
}

/** WeChat Pay: 204 with no body on success; otherwise a 4xx/5xx with {code, message}, and it retries. */
export function wechatAnswer(accepted: boolean): ProviderAnswer {
  return accepted ? { status: 204, body: null } : { status: 400, body: { code: 'FAIL', message: '失败' } };
}
