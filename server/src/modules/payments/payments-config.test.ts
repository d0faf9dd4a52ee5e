import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import { ALIPAY_MAX, decimalOf, minorOfDecimal, PAYPAL_MAX } from './money-edge';
import { PaymentsConfigError, paymentsFromEnv } from './payments-config';
import { providersFor } from './provider';
import { selfSignedCert, writeTemp } from './testing/fake-kit';

// Provider configuration from the environment, with key material in files (issue #12): a provider with
// some but not all of its variables stops the server, naming every variable missing; complete ones are
// offered by currency. And the decimal-string edge of Alipay and PayPal amounts.
const clock = new FakeClock();
const opts = { demo: false, notifyBase: () => 'http://127.0.0.1:3000' };
const missingOf = (env: Record<string, string>): string => {
  try {
    paymentsFromEnv(env, clock, opts);
  } catch (e) {
    assert.ok(e instanceof PaymentsConfigError);
    return e.message;
  }
  assert.fail('no PaymentsConfigError');
};

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = {
  private: rsa.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  public: rsa.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
};
const full = () => ({
  PUBLIC_URL: 'https://kaidan.example.com/',
  WECHATPAY_MCHID: '1900000109',
  WECHATPAY_APPID: 'wxd678efh567hg6787',
  WECHATPAY_SERIAL: '444F4864EA9B34415',
  WECHATPAY_PRIVATE_KEY_FILE: writeTemp('apiclient_key.pem', pem.private),
  WECHATPAY_APIV3_KEY: randomBytes(16).toString('hex'),
  WECHATPAY_PLATFORM_CERT_FILES: writeTemp('wechatpay_cert.pem', selfSignedCert('Tenpay').certPem),
  ALIPAY_APP_ID: '2021000122600001',
  ALIPAY_PRIVATE_KEY_FILE: writeTemp('app_private_key.pem', pem.private),
  ALIPAY_PUBLIC_KEY_FILE: writeTemp('alipay_public_key.pem', pem.public),
  PAYPAL_CLIENT_ID: 'client',
  PAYPAL_CLIENT_SECRET: 'secret',
  PAYPAL_WEBHOOK_ID: '1JE4291016473214C',
  PAYPAL_ENVIRONMENT: 'production',
});

describe('S-12 payment providers from the environment', () => {
  it('S-12 nothing set: no online payment (only wallet and offline); the sandbox alone when asked', () => {
    assert.equal(paymentsFromEnv({}, clock, opts), undefined);
    const sb = paymentsFromEnv({ KAIDAN_PAYMENTS_SANDBOX: '1' }, clock, opts);
    assert.deepEqual([...(sb?.providers.keys() ?? [])], ['sandbox']);
    assert.equal(sb?.preferred, 'sandbox');
  });

  it('S-12 a provider with some of its variables refuses to start, naming every missing one (across providers)', () => {
    const m = missingOf({ WECHATPAY_MCHID: '1900000109', ALIPAY_APP_ID: '2021', PAYPAL_CLIENT_ID: 'c' });
    for (const name of [
      'WECHATPAY_APPID',
      'WECHATPAY_SERIAL',
      'WECHATPAY_PRIVATE_KEY_FILE',
      'WECHATPAY_APIV3_KEY',
      'WECHATPAY_PLATFORM_CERT_FILES or WECHATPAY_PUBLIC_KEY_ID + WECHATPAY_PUBLIC_KEY_FILE',
      'PUBLIC_URL',
      'ALIPAY_PRIVATE_KEY_FILE',
      'ALIPAY_PUBLIC_KEY_FILE',
      'PAYPAL_CLIENT_SECRET',
      'PAYPAL_WEBHOOK_ID',
      'PAYPAL_ENVIRONMENT',
    ])
      assert.ok(m.includes(name), `${name} named in: ${m}`);
    assert.ok(!m.includes('WECHATPAY_MCHID,'), 'what is set is not named');
  });

  it('S-12 unreadable files, non-keys, a half-given public key and bad values are named too', () => {
    const env = full();
    const m = missingOf({
      ...env,
      WECHATPAY_PLATFORM_CERT_FILES: '',
      WECHATPAY_PUBLIC_KEY_ID: 'PUB_KEY_ID_0119000001092026',
      WECHATPAY_APIV3_KEY: 'short',
      ALIPAY_PRIVATE_KEY_FILE: '/nonexistent/app_private_key.pem',
      ALIPAY_PUBLIC_KEY_FILE: writeTemp('not-a-key.txt', 'hello'),
      ALIPAY_REFUND_WINDOW_DAYS: '-3',
      PAYPAL_ENVIRONMENT: 'live',
      PAYPAL_CERT_ORIGINS: 'https://api.paypal.com/path',
    });
    for (const part of [
      'WECHATPAY_PUBLIC_KEY_FILE (with WECHATPAY_PUBLIC_KEY_ID)',
      'WECHATPAY_APIV3_KEY (32 characters)',
      'ALIPAY_PRIVATE_KEY_FILE (cannot read /nonexistent/app_private_key.pem)',
      'ALIPAY_PUBLIC_KEY_FILE (not an RSA key)',
      'ALIPAY_REFUND_WINDOW_DAYS',
      'PAYPAL_ENVIRONMENT (sandbox or production)',
      'PAYPAL_CERT_ORIGINS (https://api.paypal.com/path is not an origin)',
    ])
      assert.ok(m.includes(part), `${part} in: ${m}`);
  });

  it('R28 complete configuration offers each provider by currency: CNY WeChat Pay, Alipay (then sandbox); USD PayPal', () => {
    const p = paymentsFromEnv({ ...full(), KAIDAN_PAYMENTS_SANDBOX: '1' }, clock, opts);
    assert.ok(p);
    assert.deepEqual([...p.providers.keys()].sort(), ['alipay', 'paypal', 'sandbox', 'wechatpay']);
    assert.equal(p.preferred, 'wechatpay', 'a real CNY provider before the sandbox');
    assert.deepEqual(
      providersFor(p, 'CNY').map((pv) => pv.name),
      ['wechatpay', 'alipay', 'sandbox'],
    );
    assert.deepEqual(
      providersFor(p, 'USD').map((pv) => pv.name),
      ['paypal'],
    );
    assert.deepEqual(
      providersFor(
        paymentsFromEnv(
          {
            PAYPAL_CLIENT_ID: 'c',
            PAYPAL_CLIENT_SECRET: 's',
            PAYPAL_WEBHOOK_ID: 'w',
            PAYPAL_ENVIRONMENT: 'sandbox',
            PUBLIC_URL: 'https://k.example',
          },
          clock,
          opts,
        ) ?? { providers: new Map(), preferred: null },
        'CNY',
      ),
      [],
    );
    const wx = p.providers.get('wechatpay');
    assert.equal(wx?.refundWindowDays, 365);
    assert.equal(
      p.providers.get('alipay')?.refundWindowDays,
      365,
      'Alipay: 365 unless the merchant setting says otherwise',
    );
  });
});

describe('R29 amounts cross the Alipay and PayPal edges as exact two-decimal strings', () => {
  it('R29 minor units → "yuan.fen" digit by digit: 1 fen, 100000000 fen, the Alipay maximum; out of range throws', () => {
    assert.equal(decimalOf(1n, ALIPAY_MAX), '0.01');
    assert.equal(decimalOf(10n, ALIPAY_MAX), '0.10');
    assert.equal(decimalOf(12_345n, ALIPAY_MAX), '123.45');
    assert.equal(decimalOf(100_000_000n, ALIPAY_MAX), '1000000.00');
    assert.equal(decimalOf(ALIPAY_MAX, ALIPAY_MAX), '100000000.00');
    assert.equal(decimalOf(30n, PAYPAL_MAX), '0.30', '0.1 + 0.2 is 0.30, not 0.30000000000000004');
    assert.throws(() => decimalOf(ALIPAY_MAX + 1n, ALIPAY_MAX), /out of range/);
    assert.throws(() => decimalOf(0n, ALIPAY_MAX), /out of range/);
    assert.throws(() => decimalOf(-1n, PAYPAL_MAX), /out of range/);
  });

  it('R29 "12.34" → 1234n; anything but exactly two decimals within range is refused, never rounded', () => {
    assert.equal(minorOfDecimal('0.01', ALIPAY_MAX), 1n);
    assert.equal(minorOfDecimal('1000000.00', ALIPAY_MAX), 100_000_000n);
    assert.equal(minorOfDecimal('100000000.00', ALIPAY_MAX), ALIPAY_MAX);
    for (const bad of [
      '12.3',
      '12.345',
      '12',
      '1e3',
      '-1.00',
      '0.00',
      '01.00',
      ' 1.00',
      '1.00 ',
      '1,00',
      '100000000.01',
      '',
      12.34,
      null,
    ])
      assert.equal(minorOfDecimal(bad, ALIPAY_MAX), null, `refused: ${String(bad)}`);
    for (const minor of [1n, 99n, 100n, 101n, 9_999_999_999n, ALIPAY_MAX])
      assert.equal(minorOfDecimal(decimalOf(minor, ALIPAY_MAX), ALIPAY_MAX), minor, 'round trip');
  });
});
