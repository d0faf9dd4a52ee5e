import { createSign, createVerify, type KeyObject, randomBytes } from 'node:crypto';
import type { Clock } from '../../../platform/clock';
import { ALIPAY_MAX, decimalOf, minorOfDecimal } from '../money-edge';
import { type FakeRequest, type FakeServer, fakeServer } from '../testing/fake-kit';
import { alipayTime } from './alipay-provider';

// A local Alipay OpenAPI gateway (tests only), over node:http. It refuses a request whose RSA2 `sign`
// (over every parameter but sign, sorted, k=v joined by &) does not verify with the app's public key, and
// signs each answer as the gateway does: RSA2 over the exact JSON text of `<method>_response`, which
// alipay-sdk checks before our adapter reads it. Paying posts the signed form notification to notify_url.

export interface AlipayFakeOptions {
  appId: string;
  appPublicKey: KeyObject;
  /** the gateway's key (its public half is the merchant's ALIPAY_PUBLIC_KEY) */
  alipayPrivateKey: KeyObject;
}

interface Trade {
  total: bigint;
  status: 'NOT_SCANNED' | 'WAIT_BUYER_PAY' | 'TRADE_SUCCESS' | 'TRADE_CLOSED';
  tradeNo: string;
  notifyUrl: string;
  paidAt: string | null;
  refunds: Map<string, bigint>;
}

export interface AlipayFake extends FakeServer {
  trades: Map<string, Trade>;
  /** the payer scans and pays; the notification follows (its HTTP answer in `delivered`) */
  pay(outTradeNo: string): Promise<{ status: number; body: string }>;
  /** the signed notification of a paid trade, as form fields (tests tamper with them) */
  notification(outTradeNo: string, at?: string): Record<string, string>;
  deliver(outTradeNo: string, form: Record<string, string>): Promise<{ status: number; body: string }>;
  signWith: KeyObject;
}

const rsa2 = (content: string, key: KeyObject) =>
  createSign('RSA-SHA256').update(content, 'utf8').sign(key, 'base64');
const signContent = (params: Record<string, string>, skip: string[]) =>
  Object.keys(params)
    .filter((k) => !skip.includes(k) && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k]}`)
    .join('&');

export async function alipayFake(o: AlipayFakeOptions, clock: Clock): Promise<AlipayFake> {
  const trades = new Map<string, Trade>();
  let seq = 0;
  const self: Pick<AlipayFake, 'signWith'> = { signWith: o.alipayPrivateKey };
  const answer = (method: string, data: Record<string, unknown>) => {
    const inner = JSON.stringify(data);
    const key = `${method.replaceAll('.', '_')}_response`;
    return {
      status: 200,
      headers: { 'content-type': 'application/json;charset=utf-8' },
      body: `{"${key}":${inner},"sign":"${rsa2(inner, self.signWith)}"}`,
    };
  };
  const fail = (method: string, sub: string, msg: string) =>
    answer(method, { code: '40004', msg: 'Business Failed', sub_code: sub, sub_msg: msg });

  const handle = (req: FakeRequest) => {
    const url = new URL(req.url, 'http://alipay.local');
    const params: Record<string, string> = {
      ...Object.fromEntries(url.searchParams),
      ...Object.fromEntries(new URLSearchParams(req.body)),
    };
    const method = params.method ?? '';
    const signed = createVerify('RSA-SHA256')
      .update(signContent(params, ['sign']), 'utf8')
      .verify(o.appPublicKey, params.sign ?? '', 'base64');
    if (!signed || params.app_id !== o.appId || params.sign_type !== 'RSA2')
      return answer(method, {
        code: '40002',
        msg: 'Invalid Arguments',
        sub_code: 'isv.invalid-signature',
        sub_msg: '验签出错',
      });
    const biz = JSON.parse(params.biz_content ?? '{}') as Record<string, string>;
    const no = biz.out_trade_no ?? '';
    const t = trades.get(no);
    switch (method) {
      case 'alipay.trade.precreate': {
        const total = minorOfDecimal(biz.total_amount, ALIPAY_MAX);
        if (total === null) return fail(method, 'ACQ.INVALID_PARAMETER', 'total_amount');
        seq += 1;
        trades.set(no, {
          total,
          status: 'NOT_SCANNED',
          tradeNo: `2026120222001${String(seq).padStart(15, '0')}`,
          notifyUrl: params.notify_url ?? '',
          paidAt: null,
          refunds: new Map(),
        });
        return answer(method, {
          code: '10000',
          msg: 'Success',
          out_trade_no: no,
          qr_code: `https://qr.alipay.com/bax0${seq}${randomBytes(6).toString('hex')}`,
        });
      }
      case 'alipay.trade.query':
        if (!t || t.status === 'NOT_SCANNED') return fail(method, 'ACQ.TRADE_NOT_EXIST', '交易不存在');
        return answer(method, {
          code: '10000',
          msg: 'Success',
          out_trade_no: no,
          trade_no: t.tradeNo,
          trade_status: t.status,
          total_amount: decimalOf(t.total, ALIPAY_MAX),
        });
      case 'alipay.trade.close':
        if (!t || t.status === 'NOT_SCANNED') {
          if (t) t.status = 'TRADE_CLOSED';
          return fail(method, 'ACQ.TRADE_NOT_EXIST', '交易不存在');
        }
        if (t.status === 'TRADE_SUCCESS') return fail(method, 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        t.status = 'TRADE_CLOSED';
        return answer(method, { code: '10000', msg: 'Success', out_trade_no: no, trade_no: t.tradeNo });
      case 'alipay.trade.refund': {
        if (t?.status !== 'TRADE_SUCCESS') return fail(method, 'ACQ.TRADE_STATUS_ERROR', '交易状态不合法');
        const amount = minorOfDecimal(biz.refund_amount, ALIPAY_MAX);
        const reqNo = biz.out_request_no ?? no;
        const repeat = t.refunds.has(reqNo);
        const already = [...t.refunds.values()].reduce((s, v) => s + v, 0n);
        if (!repeat && (amount === null || already + amount > t.total))
          return fail(method, 'ACQ.REFUND_AMT_NOT_EQUAL_TOTAL', '退款金额超限');
        if (!repeat && amount !== null) t.refunds.set(reqNo, amount);
        return answer(method, {
          code: '10000',
          msg: 'Success',
          out_trade_no: no,
          trade_no: t.tradeNo,
          refund_fee: decimalOf(already + (repeat ? 0n : (amount ?? 0n)), ALIPAY_MAX),
          fund_change: repeat ? 'N' : 'Y',
          gmt_refund_pay: alipayTime(clock.now()),
        });
      }
      case 'alipay.trade.fastpay.refund.query': {
        const amount = t?.refunds.get(biz.out_request_no ?? '');
        if (!t || amount === undefined) return answer(method, { code: '10000', msg: 'Success' });
        return answer(method, {
          code: '10000',
          msg: 'Success',
          out_trade_no: no,
          trade_no: t.tradeNo,
          out_request_no: biz.out_request_no,
          refund_amount: decimalOf(amount, ALIPAY_MAX),
          total_amount: decimalOf(t.total, ALIPAY_MAX),
          refund_status: 'REFUND_SUCCESS',
          gmt_refund_pay: alipayTime(clock.now()),
        });
      }
      default:
        return answer(method, {
          code: '40004',
          msg: 'Business Failed',
          sub_code: 'isv.invalid-method',
          sub_msg: method,
        });
    }
  };

  const notification = (outTradeNo: string, at = alipayTime(clock.now())): Record<string, string> => {
    const t = trades.get(outTradeNo);
    if (t?.status !== 'TRADE_SUCCESS' || !t.paidAt) throw new Error(`alipay fake: ${outTradeNo} is not paid`);
    const form: Record<string, string> = {
      notify_time: at,
      notify_type: 'trade_status_sync',
      // the same id on every redelivery of this notification
      notify_id: `2026120200222${t.tradeNo.slice(-12)}`,
      app_id: o.appId,
      charset: 'utf-8',
      version: '1.0',
      sign_type: 'RSA2',
      trade_no: t.tradeNo,
      out_trade_no: outTradeNo,
      trade_status: 'TRADE_SUCCESS',
      total_amount: decimalOf(t.total, ALIPAY_MAX),
      receipt_amount: decimalOf(t.total, ALIPAY_MAX),
      subject: '开单钱包充值 Kaidan wallet top-up',
      gmt_payment: t.paidAt,
    };
    // Alipay signs every parameter but sign and sign_type, with the values as they are (not encoded)
    return { ...form, sign: rsa2(signContent(form, ['sign', 'sign_type']), self.signWith) };
  };
  const deliver = async (outTradeNo: string, form: Record<string, string>) => {
    const t = trades.get(outTradeNo);
    const res = await fetch(t?.notifyUrl ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' },
      body: new URLSearchParams(form).toString(),
    });
    return { status: res.status, body: await res.text() };
  };
  const server = await fakeServer(handle);
  return Object.assign(self, server, {
    trades,
    notification,
    deliver,
    pay: async (outTradeNo: string) => {
      const t = trades.get(outTradeNo);
      if (!t || t.status === 'TRADE_CLOSED') throw new Error(`alipay fake: ${outTradeNo} cannot be paid`);
      t.status = 'TRADE_SUCCESS';
      t.paidAt = alipayTime(clock.now());
      return deliver(outTradeNo, notification(outTradeNo));
    },
  });
}
