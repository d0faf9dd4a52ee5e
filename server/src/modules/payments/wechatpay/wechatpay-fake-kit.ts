import type { KeyObject } from 'node:crypto';
import { Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { Clock } from '../../../platform/clock';
import { SandboxPlatform, SandboxRefusal } from '../sandbox-platform';
import { type FakeAnswer, type FakeRequest, type FakeServer, fakeServer } from '../testing/fake-kit';

// A local WeChat Pay API v3 (tests only), over node:http. It refuses any request whose Authorization
// (WECHATPAY2-SHA256-RSA2048) is not signed with the merchant's API key for its mchid and serial, and
// signs every answer with its platform key (Wechatpay-Timestamp/-Nonce/-Serial/-Signature), which the
// plugin's client verifies before our adapter reads it. Its order book, payments and notifications are
// the sandbox platform's: signed and AES-GCM-encrypted exactly as WeChat Pay sends them.

export interface WechatFakeOptions {
  mchid: string;
  appid: string;
  merchantSerial: string;
  merchantPublicKey: KeyObject;
  /** the platform's signing key and the serial it goes by (certificate serial or PUB_KEY_ID_…) */
  platform: { privateKey: KeyObject; publicKey: KeyObject; serial: string };
  apiV3Key: string;
}

export interface WechatFake extends FakeServer {
  platform: SandboxPlatform;
  /** sign answers with this key instead (a man in the middle): our client must refuse them */
  forgeAnswersWith: KeyObject | null;
  /** lose every notification on the way (the query job's case) */
  dropNotifications: boolean;
}

const AUTH = /^WECHATPAY2-SHA256-RSA2048 (.+)$/;

function authorized(req: FakeRequest, o: WechatFakeOptions): boolean {
  const m = AUTH.exec(String(req.headers.authorization ?? ''));
  if (!m?.[1]) return false;
  const parts = Object.fromEntries(
    [...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((p) => [p[1] ?? '', p[2] ?? '']),
  );
  if (parts.mchid !== o.mchid || parts.serial_no !== o.merchantSerial) return false;
  const message = Formatter.request(
    req.method,
    req.url,
    parts.timestamp ?? '',
    parts.nonce_str ?? '',
    req.body,
  );
  return Rsa.verify(message, parts.signature ?? '', o.merchantPublicKey);
}

export async function wechatFake(o: WechatFakeOptions, clock: Clock): Promise<WechatFake> {
  const state: Pick<WechatFake, 'forgeAnswersWith' | 'dropNotifications'> = {
    forgeAnswersWith: null,
    dropNotifications: false,
  };
  const platform = new SandboxPlatform({ ...o.platform, apiV3Key: o.apiV3Key }, clock, (url, init) =>
    state.dropNotifications ? Promise.reject(new Error('connection reset')) : fetch(url, init),
  );
  const answer = (status: number, data?: object): FakeAnswer => {
    const body = data === undefined ? '' : JSON.stringify(data);
    // answers are signed at the real time: the plugin checks them against the system clock
    const ts = Math.floor(Date.now() / 1000);
    const signed = platform.sign(body, ts);
    if (state.forgeAnswersWith)
      signed.headers['wechatpay-signature'] = Rsa.sign(
        Formatter.response(ts, signed.headers['wechatpay-nonce'] ?? '', body),
        state.forgeAnswersWith,
      );
    return { status, headers: { 'content-type': 'application/json', ...signed.headers }, body };
  };
  const fail = (status: number, code: string, message: string) => answer(status, { code, message });

  const server = await fakeServer((req) => {
    if (!authorized(req, o)) return fail(401, 'SIGN_ERROR', '签名错误');
    const url = new URL(req.url, 'http://wechatpay.local');
    const body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {};
    const path = url.pathname;
    if (req.method === 'POST' && path === '/v3/pay/transactions/native') {
      const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
      if (body.mchid !== o.mchid || body.appid !== o.appid) return fail(400, 'PARAM_ERROR', 'mchid/appid');
      if (!Number.isSafeInteger(amount?.total) || amount?.currency !== 'CNY')
        return fail(400, 'PARAM_ERROR', 'amount.total');
      const codeUrl = platform.createOrder(
        {
          merchantOrderNo: String(body.out_trade_no),
          amount: BigInt(Number(amount?.total)),
          currency: 'CNY',
          description: String(body.description),
          expiresAt: clock.now(),
        },
        String(body.notify_url),
      );
      return answer(200, { code_url: codeUrl });
    }
    const m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)(\/close)?$/.exec(path);
    if (m) {
      const no = decodeURIComponent(m[1] ?? '');
      const order = platform.order(no);
      if (!order) return fail(404, 'ORDER_NOT_EXIST', '订单不存在');
      if (m[2]) {
        platform.close(no);
        return answer(204);
      }
      if (url.searchParams.get('mchid') !== o.mchid) return fail(400, 'PARAM_ERROR', 'mchid');
      return answer(200, {
        mchid: o.mchid,
        appid: o.appid,
        out_trade_no: no,
        trade_state: order.state,
        ...(order.transactionId ? { transaction_id: order.transactionId } : {}),
        amount: { total: order.amount, currency: 'CNY' },
      });
    }
    if (req.method === 'POST' && path === '/v3/refund/domestic/refunds') {
      const amount = body.amount as { refund?: number; total?: number } | undefined;
      const order = platform.order(String(body.out_trade_no));
      if (order && amount?.total !== order.amount) return fail(400, 'INVALID_REQUEST', 'amount.total');
      try {
        const r = platform.refund(
          String(body.out_trade_no),
          String(body.out_refund_no),
          Number(amount?.refund),
        );
        return answer(200, refundBody(String(body.out_refund_no), r));
      } catch (e) {
        if (e instanceof SandboxRefusal) return fail(400, e.code, e.message);
        throw e;
      }
    }
    const rm = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path);
    if (rm) {
      const no = decodeURIComponent(rm[1] ?? '');
      const r = platform.refundOf(no);
      return r ? answer(200, refundBody(no, r)) : fail(404, 'RESOURCE_NOT_EXISTS', '退款单不存在');
    }
    return fail(404, 'NOT_FOUND', path);
  });
  // the test flips the switches on this very object, which the handlers read
  return Object.assign(state, server, { platform });
}

const refundBody = (
  outRefundNo: string,
  r: { refundId: string; amount: number; state: string; successTime: string | null },
) => ({
  refund_id: r.refundId,
  out_refund_no: outRefundNo,
  status: r.state,
  ...(r.successTime ? { success_time: r.successTime } : {}),
  amount: { refund: r.amount, currency: 'CNY' },
});
