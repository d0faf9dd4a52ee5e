import type { KeyObject } from 'node:crypto';
import type { AlipaySdk, AlipaySdkCommonResult } from 'alipay-sdk';
import { Temporal } from 'temporal-polyfill';
import type { Clock } from '../../../platform/clock';
import { loadAlipaySdk, once } from '../../../platform/lazy-libs';
import { ALIPAY_MAX, decimalOf, minorOfDecimal } from '../money-edge';
import {
  cnyPaymentEvent,
  type PaymentProvider,
  type ProviderStatus,
  type RefundStatus,
  refusalOf,
  type Verification,
} from '../provider';

// The Alipay adapter (OpenAPI, RSA2) through `alipay-sdk`: 当面付 precreate gives the QR code, then
// query, close, refund and refund query by our merchant order number. The SDK signs each request with
// the app private key and, with validateSign, verifies each answer with the Alipay public key before we
// read it. Amounts are yuan strings converted exactly from fen (money-edge). The asynchronous notification
// is a signed form, verified with the SDK's checkNotifySignV2 and answered with the plain text `success`.

export interface AlipayConfig {
  appId: string;
  privateKey: KeyObject;
  alipayPublicKey: KeyObject;
  notifyUrl: string;
  /** https://openapi.alipay.com/gateway.do unless a test points it at a local fake */
  gateway?: string | undefined;
  /** the merchant's refund window (商户签约的可退款期限), 365 days unless configured */
  refundWindowDays: number;
}

const SUCCESS = '10000';
/** Alipay times ("2026-12-02 14:00:00") are China time. */
const ZONE = 'Asia/Shanghai';
/** Alipay redelivers an unanswered notification for about 25 hours (4m, 10m, 10m, 1h, 2h, 6h, 15h). */
const NOTIFY_MAX_AGE_HOURS = 26;

const text = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
const instantOf = (alipayTime: string | null): Temporal.Instant | null => {
  if (!alipayTime || !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(alipayTime)) return null;
  return Temporal.PlainDateTime.from(alipayTime.replace(' ', 'T')).toZonedDateTime(ZONE).toInstant();
};
export const alipayTime = (at: Temporal.Instant): string =>
  at.toZonedDateTimeISO(ZONE).toPlainDateTime().toString({ smallestUnit: 'second' }).replace('T', ' ');

const refusal = (r: AlipaySdkCommonResult) => `${text(r.sub_code) ?? r.code}: ${text(r.sub_msg) ?? r.msg}`;

function tradeStatus(r: AlipaySdkCommonResult): ProviderStatus {
  if (r.code !== SUCCESS) {
    // never scanned: Alipay has no trade for it yet
    if (r.sub_code === 'ACQ.TRADE_NOT_EXIST') return { state: 'unpaid' };
    throw new Error(`Alipay query: ${refusal(r)}`);
  }
  switch (r.trade_status) {
    case 'TRADE_SUCCESS':
    case 'TRADE_FINISHED': {
      const amount = minorOfDecimal(r.total_amount, ALIPAY_MAX);
      if (amount === null) throw new Error(`Alipay query: malformed total_amount`);
      return { state: 'paid', amount, currency: 'CNY', providerTxnId: text(r.trade_no) };
    }
    case 'TRADE_CLOSED':
      return { state: 'closed' };
    default:
      // WAIT_BUYER_PAY: scanned, not paid. Closing it is safe: if the payer pays first, the close fails
      // and the job, retried, finds the trade paid.
      return { state: 'unpaid' };
  }
}

function newSdk(Sdk: typeof AlipaySdk, cfg: AlipayConfig): AlipaySdk {
  return new Sdk({
    appId: cfg.appId,
    privateKey: cfg.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    keyType: 'PKCS8',
    alipayPublicKey: cfg.alipayPublicKey.export({ type: 'spki', format: 'pem' }).toString(),
    signType: 'RSA2',
    camelcase: false,
    timeout: 10_000,
    ...(cfg.gateway ? { gateway: cfg.gateway } : {}),
  });
}

export function alipayProvider(cfg: AlipayConfig, clock: Clock): PaymentProvider {
  const sdkOf = once(async () => newSdk(await loadAlipaySdk(), cfg));
  const exec = async (method: string, params: Record<string, unknown>) =>
    (await sdkOf()).exec(method, params, { validateSign: true });

  const refundQuery = async (outTradeNo: string, refundNo: string): Promise<RefundStatus> => {
    const r = await exec('alipay.trade.fastpay.refund.query', {
      bizContent: { out_trade_no: outTradeNo, out_request_no: refundNo, query_options: ['gmt_refund_pay'] },
    });
    if (r.code !== SUCCESS) return { state: 'failed', reason: refusal(r) };
    // success with no refund in it: Alipay never accepted this out_request_no
    if (!text(r.refund_amount)) return { state: 'failed', reason: `REFUND_NOT_EXIST: ${refundNo}` };
    if (r.refund_status && r.refund_status !== 'REFUND_SUCCESS')
      return { state: 'processing', providerRefundId: null };
    return {
      state: 'succeeded',
      providerRefundId: text(r.trade_no),
      arrivedAt: instantOf(text(r.gmt_refund_pay)) ?? clock.now(),
    };
  };

  return {
    name: 'alipay',
    currencies: ['CNY'],
    refundWindowDays: cfg.refundWindowDays,
    createAttempt: async (req) => {
      const r = await exec('alipay.trade.precreate', {
        notify_url: cfg.notifyUrl,
        bizContent: {
          out_trade_no: req.merchantOrderNo,
          total_amount: decimalOf(req.amount, ALIPAY_MAX),
          subject: req.description.slice(0, 256),
          time_expire: alipayTime(req.expiresAt),
        },
      });
      const qr = text(r.qr_code);
      if (r.code !== SUCCESS || !qr) throw new Error(`Alipay precreate: ${refusal(r)}`);
      return { codeUrl: qr };
    },
    verifyNotification: async (raw) => verifyAlipayNotification(raw.body, await sdkOf(), cfg.appId, clock),
    answer: (accepted) => (accepted ? { status: 200, body: 'success' } : { status: 400, body: 'fail' }),
    queryAttempt: async (no) =>
      tradeStatus(await exec('alipay.trade.query', { bizContent: { out_trade_no: no } })),
    closeAttempt: async (no) => {
      const r = await exec('alipay.trade.close', { bizContent: { out_trade_no: no } });
      if (r.code !== SUCCESS && r.sub_code !== 'ACQ.TRADE_NOT_EXIST')
        throw new Error(`Alipay close: ${refusal(r)}`);
    },
    refund: async (req) => {
      if (req.currency !== 'CNY')
        return { state: 'failed', reason: `Alipay refunds CNY only, not ${req.currency}` };
      const r = await exec('alipay.trade.refund', {
        bizContent: {
          out_trade_no: req.merchantOrderNo,
          refund_amount: decimalOf(req.amount, ALIPAY_MAX),
          out_request_no: req.refundNo,
          refund_reason: req.reason.slice(0, 256),
        },
      });
      // ACQ.SYSTEM_ERROR is Alipay's "try again with the same out_request_no"
      if (r.sub_code === 'ACQ.SYSTEM_ERROR') throw new Error(`Alipay refund: ${refusal(r)}`);
      if (r.code !== SUCCESS) return { state: 'failed', reason: refusal(r) };
      // fund_change N: this out_request_no was refunded before (a retry), or is still in progress: ask
      if (r.fund_change !== 'Y') return refundQuery(req.merchantOrderNo, req.refundNo);
      return {
        state: 'succeeded',
        providerRefundId: text(r.trade_no),
        arrivedAt: instantOf(text(r.gmt_refund_pay)) ?? clock.now(),
      };
    },
    queryRefund: refundQuery,
  };
}

/**
 * An Alipay asynchronous notification (form-encoded), verified as Alipay specifies: the RSA2 signature
 * over the sorted parameters (checkNotifySignV2 on the decoded form, so values are not decoded twice),
 * our app_id, and a notify_time no older than Alipay's redelivery span (a replay of an old capture).
 */
export function verifyAlipayNotification(
  body: string,
  sdk: Pick<AlipaySdk, 'checkNotifySignV2'>,
  appId: string,
  clock: Clock,
): Verification {
  const form = Object.fromEntries(new URLSearchParams(body));
  const notificationId = text(form.notify_id)?.slice(0, 64) ?? null;
  const refuse = refusalOf(notificationId);
  const at = instantOf(text(form.notify_time));
  if (!form.sign || !notificationId || !at) return refuse('malformed');
  if (form.app_id !== appId) return refuse('unknown_serial');
  const now = clock.now();
  const tooOld = Temporal.Instant.compare(at, now.subtract({ hours: NOTIFY_MAX_AGE_HOURS })) < 0;
  const future = Temporal.Instant.compare(at, now.add({ minutes: 5 })) > 0;
  if (tooOld || future) return refuse('stale');
  let signed = false;
  try {
    signed = sdk.checkNotifySignV2(form);
  } catch {
    signed = false;
  }
  if (!signed) return refuse('bad_signature');
  const merchantOrderNo = text(form.out_trade_no);
  const amount = minorOfDecimal(form.total_amount, ALIPAY_MAX);
  if (!merchantOrderNo || amount === null) return refuse('malformed');
  // a refund also notifies, with the trade still TRADE_SUCCESS: it carries refund_fee and is no payment
  const paid =
    (form.trade_status === 'TRADE_SUCCESS' || form.trade_status === 'TRADE_FINISHED') && !form.refund_fee;
  return cnyPaymentEvent(paid, {
    notificationId,
    merchantOrderNo,
    amount,
    providerTxnId: text(form.trade_no),
  });
}
