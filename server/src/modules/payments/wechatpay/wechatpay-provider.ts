import type { KeyObject } from 'node:crypto';
import { Temporal } from 'temporal-polyfill';
import { Wechatpay } from 'wechatpay-axios-plugin';
import type { Clock } from '../../../platform/clock';
import { fenOf, minorOfFen } from '../money-edge';
import type { PaymentProvider, ProviderStatus, RefundStatus } from '../provider';
import { verifyWechatNotification, wechatAnswer } from '../wechatpay-notification';

// The WeChat Pay merchant adapter (API v3, Native pay), through `wechatpay-axios-plugin`: its client
// signs every request with the merchant's API key (Authorization WECHATPAY2-SHA256-RSA2048) and verifies
// every 2xx answer's Wechatpay-Signature with the platform keys before we read it. The platform keys are
// keyed by serial — a platform certificate's serial or the WeChat Pay public key's `PUB_KEY_ID_…` — so
// both verification modes are one map, shared with the notification check.

export interface WechatpayConfig {
  mchid: string;
  appid: string;
  /** serial of the merchant API certificate (apiclient_cert.pem) */
  serial: string;
  /** the merchant API private key (apiclient_key.pem) */
  privateKey: KeyObject;
  apiV3Key: string;
  /** platform certificate serial → its public key, or PUB_KEY_ID_… → the WeChat Pay public key */
  platformKeys: ReadonlyMap<string, KeyObject>;
  notifyUrl: string;
  /** https://api.mch.weixin.qq.com/ unless a test points it at a local fake */
  baseUrl?: string | undefined;
}

interface Transaction {
  trade_state?: string;
  transaction_id?: string;
  amount?: { total?: unknown; currency?: string };
}
interface Refund {
  refund_id?: string;
  status?: string;
  success_time?: string;
}
/** What the plugin's client throws for a non-2xx answer (an AxiosError): the status and the error body. */
interface Refusal {
  response?: { status?: number; data?: unknown };
}

const refusalOf = (e: unknown): { status: number; code: string; message: string } | null => {
  const res = (e as Refusal | null)?.response;
  if (!res?.status || res.status >= 500) return null;
  const data = typeof res.data === 'string' ? safeJson(res.data) : res.data;
  const d = (data ?? {}) as { code?: unknown; message?: unknown };
  return { status: res.status, code: String(d.code ?? res.status), message: String(d.message ?? '') };
};
const safeJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** WeChat Pay trade_state → ours. REFUND means it was paid (and since refunded, in part or whole). */
function statusOf(t: Transaction): ProviderStatus {
  switch (t.trade_state) {
    case 'SUCCESS':
    case 'REFUND': {
      const amount = minorOfFen(t.amount?.total);
      if (amount === null || t.amount?.currency !== 'CNY') throw new Error('WeChat Pay: malformed amount');
      return { state: 'paid', amount, currency: 'CNY', providerTxnId: t.transaction_id ?? null };
    }
    case 'USERPAYING':
      return { state: 'paying' };
    case 'NOTPAY':
      return { state: 'unpaid' };
    default:
      // CLOSED, REVOKED, PAYERROR: this order will not be paid
      return { state: 'closed' };
  }
}

function refundStatusOf(r: Refund): RefundStatus {
  const id = r.refund_id ?? null;
  if (r.status === 'SUCCESS' && r.success_time)
    return { state: 'succeeded', providerRefundId: id, arrivedAt: Temporal.Instant.from(r.success_time) };
  if (r.status === 'PROCESSING') return { state: 'processing', providerRefundId: id };
  // CLOSED, or ABNORMAL (the payer's card is gone: WeChat Pay wants it handled by hand)
  return { state: 'failed', reason: `${r.status ?? 'UNKNOWN'}: refund ${id ?? ''} not completed` };
}

export function wechatpayProvider(cfg: WechatpayConfig, clock: Clock): PaymentProvider {
  const client = new Wechatpay({
    mchid: cfg.mchid,
    serial: cfg.serial,
    privateKey: cfg.privateKey.export({ type: 'pkcs8', format: 'pem' }),
    certs: Object.fromEntries(cfg.platformKeys),
    baseURL: cfg.baseUrl ?? 'https://api.mch.weixin.qq.com/',
    timeout: 10_000,
  }).client;
  const call = async <T>(method: string, path: string, data?: object): Promise<T> =>
    (await client.request<T>(path, method, data, {})).data;
  const verifyKeys = { platformKeys: cfg.platformKeys, apiV3Key: cfg.apiV3Key };
  const byOutTradeNo = (no: string) => `v3/pay/transactions/out-trade-no/${encodeURIComponent(no)}`;

  return {
    name: 'wechatpay',
    currencies: ['CNY'],
    refundWindowDays: 365,
    createAttempt: async (req) => {
      const { code_url } = await call<{ code_url?: string }>('POST', 'v3/pay/transactions/native', {
        appid: cfg.appid,
        mchid: cfg.mchid,
        description: req.description.slice(0, 127),
        out_trade_no: req.merchantOrderNo,
        // rfc3339 in China time, as WeChat Pay documents it
        time_expire: req.expiresAt.toZonedDateTimeISO('Asia/Shanghai').toString({
          timeZoneName: 'never',
          fractionalSecondDigits: 0,
        }),
        notify_url: cfg.notifyUrl,
        amount: { total: fenOf(req.amount, req.currency), currency: 'CNY' },
      });
      if (!code_url) throw new Error('WeChat Pay: no code_url in the answer');
      return { codeUrl: code_url };
    },
    verifyNotification: (raw) => verifyWechatNotification(raw, verifyKeys, clock),
    answer: wechatAnswer,
    queryAttempt: async (no) => {
      try {
        return statusOf(await call<Transaction>('GET', `${byOutTradeNo(no)}?mchid=${cfg.mchid}`));
      } catch (e) {
        // never created (our insert after create failed, or it expired unseen): nothing to collect
        if (refusalOf(e)?.code === 'ORDER_NOT_EXIST') return { state: 'unpaid' };
        throw e;
      }
    },
    closeAttempt: async (no) => {
      try {
        await call('POST', `${byOutTradeNo(no)}/close`, { mchid: cfg.mchid });
      } catch (e) {
        if (refusalOf(e)?.code !== 'ORDER_NOT_EXIST') throw e;
      }
    },
    refund: async (req) => {
      try {
        return refundStatusOf(
          await call<Refund>('POST', 'v3/refund/domestic/refunds', {
            out_trade_no: req.merchantOrderNo,
            out_refund_no: req.refundNo,
            reason: req.reason.slice(0, 80),
            amount: {
              refund: fenOf(req.amount, req.currency),
              total: fenOf(req.total, req.currency),
              currency: 'CNY',
            },
          }),
        );
      } catch (e) {
        // a 4xx is WeChat Pay's refusal (NOT_ENOUGH, INVALID_REQUEST…): final; a 5xx or no answer retries
        const r = refusalOf(e);
        if (r) return { state: 'failed', reason: `${r.code}: ${r.message}` };
        throw e;
      }
    },
    queryRefund: async (_no, refundNo) => {
      try {
        return refundStatusOf(
          await call<Refund>('GET', `v3/refund/domestic/refunds/${encodeURIComponent(refundNo)}`),
        );
      } catch (e) {
        const r = refusalOf(e);
        if (r) return { state: 'failed', reason: `${r.code}: ${r.message}` };
        throw e;
      }
    },
  };
}
