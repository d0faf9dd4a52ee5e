import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import type { Clock } from '../../platform/clock';
import { fenOf } from './money-edge';
import type { AttemptRequest } from './provider';

// The sandbox's other side: a stand-in for WeChat Pay's platform, for demos and tests. It keeps the
// orders it was given, and when "paid" it sends the notification exactly as WeChat Pay API v3 does —
// signed with its platform private key, resource encrypted under the merchant's APIv3 key — over real
// HTTP to the notify_url of the order, so the whole receiving path runs as it would in production.

export interface SandboxKeys {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Wechatpay-Serial: the platform certificate serial (or public key id) the merchant knows the key by */
  serial: string;
  apiV3Key: string;
}

/** Fresh keys: a 2048-bit RSA platform key, a random serial and a random 32-character APIv3 key. */
export function generateSandboxKeys(): SandboxKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey,
    publicKey,
    serial: randomBytes(20).toString('hex').toUpperCase(),
    apiV3Key: randomBytes(16).toString('hex'),
  };
}

interface SandboxOrder {
  amount: number;
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED';
  transactionId: string | null;
  notifyUrl: string;
  successTime: string | null;
}

/** A refund as WeChat Pay keeps it: by out_refund_no, PROCESSING until the money is back with the payer. */
interface SandboxRefund {
  outTradeNo: string;
  refundId: string;
  amount: number;
  state: 'PROCESSING' | 'SUCCESS';
  successTime: string | null;
}

export interface SignedNotification {
  headers: Record<string, string>;
  body: string;
}

export class SandboxPlatform {
  readonly #orders = new Map<string, SandboxOrder>();
  readonly #refunds = new Map<string, SandboxRefund>();
  /** Refunds arrive back with the payer on `arrive` (tests), or at once when this is true (demos). */
  arriveAtOnce = true;
  #seq = 0;
  constructor(
    readonly keys: SandboxKeys,
    private readonly clock: Clock,
    private readonly send: typeof fetch = fetch,
  ) {}

  createOrder(req: AttemptRequest, notifyUrl: string): string {
    this.#orders.set(req.merchantOrderNo, {
      amount: fenOf(req.amount, req.currency),
      state: 'NOTPAY',
      transactionId: null,
      notifyUrl,
      successTime: null,
    });
    return `weixin://wxpay/bizpayurl?pr=sandbox-${req.merchantOrderNo}`;
  }

  order(outTradeNo: string): Readonly<SandboxOrder> | undefined {
    return this.#orders.get(outTradeNo);
  }

  close(outTradeNo: string): void {
    const o = this.#orders.get(outTradeNo);
    if (o && o.state === 'NOTPAY') o.state = 'CLOSED';
  }

  /**
   * The payer scans and pays: the order succeeds and, as with WeChat Pay, its notification follows
   * asynchronously (so the paying request holds no connection the notification needs: PGlite has one).
   * `idle()` waits for deliveries in flight; a lost one is what the query job is for.
   */
  pay(outTradeNo: string): void {
    const o = this.#orders.get(outTradeNo);
    if (!o) throw new Error(`sandbox: no order ${outTradeNo}`);
    if (o.state === 'CLOSED') throw new Error(`sandbox: order ${outTradeNo} is closed`);
    if (o.state === 'NOTPAY') {
      this.#seq += 1;
      o.state = 'SUCCESS';
      o.transactionId = `4200${String(this.clock.now().epochMilliseconds).slice(-10)}${String(this.#seq).padStart(6, '0')}`;
      o.successTime = this.clock.now().toString();
    }
    const delivery = this.deliver(outTradeNo).then(
      ({ delivered }) => this.delivered.push(delivered),
      (e: unknown) => this.delivered.push(String(e)),
    );
    this.#inFlight.add(delivery);
    void delivery.finally(() => this.#inFlight.delete(delivery));
  }

  /**
   * A refund of a paid order, as WeChat Pay's `POST /v3/refund/domestic/refunds`: one per out_refund_no
   * (a repeat returns the first), never more in total than was paid.
   */
  refund(outTradeNo: string, outRefundNo: string, amountFen: number): Readonly<SandboxRefund> {
    const known = this.#refunds.get(outRefundNo);
    if (known) return known;
    const o = this.#orders.get(outTradeNo);
    if (o?.state !== 'SUCCESS') throw new SandboxRefusal('TRADE_NOT_PAID', `order ${outTradeNo} is not paid`);
    const already = [...this.#refunds.values()]
      .filter((r) => r.outTradeNo === outTradeNo)
      .reduce((sum, r) => sum + r.amount, 0);
    if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || already + amountFen > o.amount)
      throw new SandboxRefusal('INVALID_REQUEST', `refund ${amountFen} exceeds what is left of ${o.amount}`);
    this.#seq += 1;
    const r: SandboxRefund = {
      outTradeNo,
      refundId: `5030${String(this.clock.now().epochMilliseconds).slice(-10)}${String(this.#seq).padStart(6, '0')}`,
      amount: amountFen,
      state: 'PROCESSING',
      successTime: null,
    };
    this.#refunds.set(outRefundNo, r);
    if (this.arriveAtOnce) this.arrive(outRefundNo);
    return r;
  }

  refundOf(outRefundNo: string): Readonly<SandboxRefund> | undefined {
    return this.#refunds.get(outRefundNo);
  }

  /** The refunded money is back with the payer (WeChat Pay's REFUND.SUCCESS). */
  arrive(outRefundNo: string): void {
    const r = this.#refunds.get(outRefundNo);
    if (r && r.state === 'PROCESSING') {
      r.state = 'SUCCESS';
      r.successTime = this.clock.now().toString();
    }
  }

  /** Answers of our notify endpoint to each asynchronous delivery, in order (for demos and tests). */
  readonly delivered: (number | string)[] = [];
  readonly #inFlight = new Set<Promise<unknown>>();

  async idle(): Promise<void> {
    while (this.#inFlight.size > 0) await Promise.allSettled([...this.#inFlight]);
  }

  /** Sends (again) the success notification of a paid order; WeChat Pay redelivers until answered 2xx. */
  async deliver(outTradeNo: string, n = this.notification(outTradeNo)): Promise<{ delivered: number }> {
    const o = this.#orders.get(outTradeNo);
    if (!o) throw new Error(`sandbox: no order ${outTradeNo}`);
    const res = await this.send(o.notifyUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...n.headers },
      body: n.body,
    });
    await res.arrayBuffer();
    return { delivered: res.status };
  }

  /** The signed TRANSACTION.SUCCESS notification of a paid order, as WeChat Pay API v3 builds it. */
  notification(outTradeNo: string, at = this.clock.now()): SignedNotification {
    const o = this.#orders.get(outTradeNo);
    if (o?.state !== 'SUCCESS') throw new Error(`sandbox: order ${outTradeNo} is not paid`);
    const resource = JSON.stringify({
      mchid: '1900000001',
      appid: 'wxsandbox000000001',
      out_trade_no: outTradeNo,
      transaction_id: o.transactionId,
      trade_type: 'NATIVE',
      trade_state: 'SUCCESS',
      trade_state_desc: '支付成功',
      bank_type: 'OTHERS',
      success_time: o.successTime,
      payer: { openid: 'sandbox-payer' },
      amount: { total: o.amount, payer_total: o.amount, currency: 'CNY', payer_currency: 'CNY' },
    });
    const iv = randomBytes(6).toString('hex');
    const body = JSON.stringify({
      // The id is the notification's, the same on every redelivery of it.
      id: `EV-${o.transactionId}`,
      create_time: o.successTime,
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(resource, this.keys.apiV3Key, iv, 'transaction'),
        associated_data: 'transaction',
        nonce: iv,
      },
    });
    return this.sign(body, Math.floor(at.epochMilliseconds / 1000));
  }

  /** Headers WeChat Pay sends with a body: timestamp, nonce, RSA-SHA256 signature and key serial. */
  sign(body: string, timestamp: number): SignedNotification {
    const nonce = randomBytes(16).toString('hex');
    return {
      headers: {
        'wechatpay-timestamp': String(timestamp),
        'wechatpay-nonce': nonce,
        'wechatpay-signature': Rsa.sign(Formatter.response(timestamp, nonce, body), this.keys.privateKey),
        'wechatpay-serial': this.keys.serial,
        'wechatpay-signature-type': 'WECHATPAY2-SHA256-RSA2048',
      },
      body,
    };
  }
}

/** A refusal the sandbox answers as WeChat Pay does (an error code and message), not a crash. */
export class SandboxRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
