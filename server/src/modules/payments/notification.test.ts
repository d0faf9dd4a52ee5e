import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { Aes, Formatter, Rsa } from 'wechatpay-axios-plugin';
import { FakeClock } from '../../platform/clock';
import { fenOf, MERCHANT_ORDER_NO, minorOfFen } from './money-edge';
import { verifyWechatNotification } from './wechatpay-notification';

// Keys generated here, in the test: the platform's RSA key pair and the merchant's APIv3 key. The
// notification is built and signed with the SDK the way WeChat Pay API v3 builds it, and verified by our
// adapter through the same SDK (Rsa.verify, Aes.AesGcm.decrypt).
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const serial = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1';
const apiV3Key = randomBytes(16).toString('hex');
const keys = { platformKeys: new Map([[serial, publicKey]]), apiV3Key };
const clock = new FakeClock('2026-11-20T02:00:00Z');
const nowSeconds = () => Math.floor(clock.now().epochMilliseconds / 1000);

function notification(o: {
  total: unknown;
  outTradeNo?: string;
  ts?: number;
  serial?: string;
  key?: string;
}) {
  const iv = randomBytes(6).toString('hex');
  const resource = JSON.stringify({
    out_trade_no: o.outTradeNo ?? 'KD01JTESTORDER000000000001',
    transaction_id: '4200000000202611200000000001',
    trade_state: 'SUCCESS',
    amount: { total: o.total, payer_total: o.total, currency: 'CNY', payer_currency: 'CNY' },
  });
  const body = JSON.stringify({
    id: 'EV-2026112000000001',
    create_time: '2026-11-20T10:00:00+08:00',
    resource_type: 'encrypt-resource',
    event_type: 'TRANSACTION.SUCCESS',
    resource: {
      original_type: 'transaction',
      algorithm: 'AEAD_AES_256_GCM',
      ciphertext: Aes.AesGcm.encrypt(resource, o.key ?? apiV3Key, iv, 'transaction'),
      associated_data: 'transaction',
      nonce: iv,
    },
  });
  const ts = o.ts ?? nowSeconds();
  const nonce = randomBytes(16).toString('hex');
  const headers: Record<string, string> = {
    'wechatpay-timestamp': String(ts),
    'wechatpay-nonce': nonce,
    'wechatpay-signature': Rsa.sign(Formatter.response(ts, nonce, body), privateKey),
    'wechatpay-serial': o.serial ?? serial,
  };
  return { body, header: (n: string) => headers[n.toLowerCase()], headers };
}

describe('S-12 WeChat Pay API v3 notifications, verified through wechatpay-axios-plugin', () => {
  it('S-12 a notification signed with the platform key verifies; its resource decrypts to the paid transaction', () => {
    const v = verifyWechatNotification(notification({ total: 12_345 }), keys, clock);
    assert.deepEqual(v, {
      ok: true,
      event: {
        notificationId: 'EV-2026112000000001',
        merchantOrderNo: 'KD01JTESTORDER000000000001',
        status: 'paid',
        amount: 12_345n,
        currency: 'CNY',
        providerTxnId: '4200000000202611200000000001',
      },
    });
  });

  it('S-12 a tampered body, an unknown serial, a stale or future timestamp and a foreign APIv3 key are refused', () => {
    const good = notification({ total: 100 });
    const tampered = { ...good, body: good.body.replace('TRANSACTION.SUCCESS', 'TRANSACTION.SUCCESS ') };
    const refusal = (n: Parameters<typeof verifyWechatNotification>[0]) => {
      const v = verifyWechatNotification(n, keys, clock);
      return v.ok ? 'accepted' : v.reason;
    };
    assert.equal(refusal(tampered), 'bad_signature');
    assert.equal(refusal(notification({ total: 100, serial: 'WRONG-SERIAL' })), 'unknown_serial');
    assert.equal(
      refusal(notification({ total: 100, ts: nowSeconds() - 301 })),
      'stale',
      'older than 5 minutes',
    );
    assert.equal(refusal(notification({ total: 100, ts: nowSeconds() + 301 })), 'stale', 'from the future');
    assert.equal(
      refusal(notification({ total: 100, ts: nowSeconds() - 299 })),
      'accepted',
      'within 5 minutes',
    );
    assert.equal(refusal(notification({ total: 100, key: randomBytes(16).toString('hex') })), 'malformed');
    const signedByAnother = notification({ total: 100 });
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
    const v = verifyWechatNotification(
      signedByAnother,
      { platformKeys: new Map([[serial, other]]), apiV3Key },
      clock,
    );
    assert.equal(v.ok ? 'accepted' : v.reason, 'bad_signature');
    assert.equal(refusal({ body: good.body, header: () => undefined }), 'malformed', 'no headers');
  });

  it('R29 a fen total that is not a positive safe integer is refused, never rounded', () => {
    for (const total of [1.5, 0, -1, '100', 2 ** 53, Number.NaN]) {
      const v = verifyWechatNotification(notification({ total }), keys, clock);
      assert.equal(v.ok ? 'accepted' : v.reason, 'malformed', `total ${String(total)}`);
    }
  });
});

describe('R29 amounts cross the WeChat Pay edge as fen integers, exactly', () => {
  it('R29 minor units ↔ fen is the identity for CNY over the whole safe range, with no float in between', () => {
    for (const minor of [1n, 10n, 99n, 100n, 123_456_789n, 100_000_000n, BigInt(Number.MAX_SAFE_INTEGER)]) {
      const fen = fenOf(minor, 'CNY');
      assert.ok(Number.isSafeInteger(fen));
      assert.equal(minorOfFen(fen), minor);
    }
    // 0.1 + 0.2 yuan is 30 fen here, not 30.000000000000004
    assert.equal(fenOf(10n + 20n, 'CNY'), 30);
    assert.throws(() => fenOf(0n, 'CNY'), /out of range/);
    assert.throws(() => fenOf(BigInt(Number.MAX_SAFE_INTEGER) + 1n, 'CNY'), /out of range/);
    assert.throws(() => fenOf(100n, 'USD'), /CNY only/);
    assert.equal(minorOfFen(0.3), null);
  });

  it('R29 our merchant order numbers fit WeChat Pay out_trade_no (6–32 of [A-Za-z0-9_-|*])', () => {
    assert.ok(MERCHANT_ORDER_NO.test('KD01JTESTORDER000000000001'));
    assert.ok(MERCHANT_ORDER_NO.test('a_b-c|d*e'));
    assert.ok(!MERCHANT_ORDER_NO.test('KD123'), 'too short');
    assert.ok(!MERCHANT_ORDER_NO.test('K'.repeat(33)), 'too long');
    assert.ok(!MERCHANT_ORDER_NO.test('KD 12345'), 'space');
  });
});
