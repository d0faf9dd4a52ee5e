import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Temporal } from 'temporal-polyfill';
import { FakeClock } from '../../../platform/clock';
import { paymentsFromEnv } from '../payments-config';
import { NO_PAYMENTS, providerOf } from '../provider';
import { selfSignedCert, writeTemp } from '../testing/fake-kit';
import { providerHarness } from '../testing/topup-harness';
import { wechatFake } from './wechatpay-fake-kit';

// WeChat Pay API v3 end to end against a local fake that speaks its protocol: the fake checks our
// request signatures (merchant key), signs its answers and notifications with its platform key, and the
// official SDK (wechatpay-axios-plugin) verifies both on our side. Keys and certificates are generated
// here; the adapter is configured from the environment, with key files, as a deployment would be.
describe('R25 online top-ups through WeChat Pay (API v3, Native), public-key verification mode', async () => {
  const merchant = selfSignedCert('1900000109');
  const platformKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pubKeyId = 'PUB_KEY_ID_0119000001092026120200000000000001';
  const apiV3Key = randomBytes(16).toString('hex');
  const opts = {
    mchid: '1900000109',
    appid: 'wxd678efh567hg6787',
    merchantSerial: merchant.serial,
    merchantPublicKey: merchant.publicKey,
    platform: { ...platformKey, serial: pubKeyId },
    apiV3Key,
  };
  const env = (base: string, fakeBase: string) => ({
    PUBLIC_URL: base,
    WECHATPAY_MCHID: opts.mchid,
    WECHATPAY_APPID: opts.appid,
    WECHATPAY_SERIAL: merchant.serial,
    WECHATPAY_PRIVATE_KEY_FILE: writeTemp('apiclient_key.pem', merchant.keyPem),
    WECHATPAY_APIV3_KEY: apiV3Key,
    WECHATPAY_PUBLIC_KEY_ID: pubKeyId,
    WECHATPAY_PUBLIC_KEY_FILE: writeTemp(
      'pub_key.pem',
      platformKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    ),
    WECHATPAY_BASE_URL: `${fakeBase}/`,
  });
  const {
    h,
    fake: wf,
    provider,
  } = await providerHarness(
    'wechatpay',
    (_, clock) => wechatFake(opts, clock),
    (made, base) => env(base, made.base),
  );

  it('R25 an agent tops up through WeChat Pay: signed Native order → code_url, paid, signed notification over HTTP → settled once', async () => {
    const before = await h.balance('CNY');
    const a = await h.start('123.45', 'wechatpay');
    assert.equal(a.provider, 'wechatpay');
    assert.equal(a.currency, 'CNY');
    assert.match(a.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    const order = wf.seen.find((r) => r.url === '/v3/pay/transactions/native');
    assert.ok(order, 'the order went to WeChat Pay, signed (the fake refuses anything else)');
    const sent = JSON.parse(order.body) as { amount: unknown; notify_url: string; out_trade_no: string };
    assert.deepEqual(sent.amount, { total: 12_345, currency: 'CNY' }, 'fen integers at the edge');
    assert.equal(sent.notify_url, h.notifyUrl('wechatpay'));
    assert.equal(sent.out_trade_no, a.merchantOrderNo);
    wf.platform.pay(a.merchantOrderNo);
    await wf.platform.idle();
    assert.deepEqual(wf.platform.delivered.slice(-1), [204], 'answered as WeChat Pay expects');
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal((await h.balance('CNY')) - before, 12_345n);
    // a redelivery of the same notification is stored once and changes nothing
    assert.equal((await wf.platform.deliver(a.merchantOrderNo)).delivered, 204);
    assert.equal(await h.credits(a.id), 1);
    assert.deepEqual(await h.invariants(), []);
  });

  it('S-12 tampered, stale and foreign-key notifications are refused (400), recorded unverified, and credit nothing', async () => {
    const a = await h.start('10.00', 'wechatpay');
    wf.platform.pay(a.merchantOrderNo);
    await wf.platform.idle();
    const before = await h.balance('CNY');
    const n = wf.platform.notification(a.merchantOrderNo);
    const stale = wf.platform.notification(a.merchantOrderNo, h.clock.now().subtract({ seconds: 301 }));
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const forger = await wechatFake({ ...opts, platform: { ...other, serial: pubKeyId } }, h.clock);
    forger.platform.createOrder(
      {
        merchantOrderNo: a.merchantOrderNo,
        amount: 1_000n,
        currency: 'CNY',
        description: '',
        expiresAt: h.clock.now(),
      },
      h.notifyUrl('wechatpay'),
    );
    forger.platform.pay(a.merchantOrderNo);
    await forger.platform.idle();
    await forger.close();
    const sent = await Promise.all([
      wf.platform.deliver(a.merchantOrderNo, { ...n, body: n.body.replace('"summary"', '"summary" ') }),
      wf.platform.deliver(a.merchantOrderNo, stale),
    ]);
    assert.deepEqual([...sent.map((s) => s.delivered), ...forger.platform.delivered], [400, 400, 400]);
    const refused = (await h.notifications('wechatpay')).filter((r) => !r.verified).map((r) => r.outcome);
    assert.deepEqual(refused.sort(), ['refused:bad_signature', 'refused:bad_signature', 'refused:stale']);
    assert.equal(await h.balance('CNY'), before, 'only the genuine delivery (before) credited');
    assert.equal(await h.credits(a.id), 1);
  });

  it('R25 when the notification is lost, the query job asks WeChat Pay (signed GET by out_trade_no) and settles it', async () => {
    const a = await h.start('8.88', 'wechatpay');
    const before = await h.balance('CNY');
    wf.dropNotifications = true;
    wf.platform.pay(a.merchantOrderNo);
    await wf.platform.idle();
    wf.dropNotifications = false;
    assert.equal(await h.stateOf(a.id), 'pending');
    h.clock.advance({ minutes: 31 });
    assert.ok((await h.worker.drain()) >= 1);
    assert.ok(
      wf.seen.some(
        (r) => r.url === `/v3/pay/transactions/out-trade-no/${a.merchantOrderNo}?mchid=1900000109`,
      ),
    );
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal((await h.balance('CNY')) - before, 888n);
  });

  it('R26 an attempt unpaid by its expiry is closed at WeChat Pay (signed close) and abandoned', async () => {
    const a = await h.start('5.00', 'wechatpay');
    h.clock.advance({ minutes: 31 });
    await h.worker.drain();
    assert.equal(await h.stateOf(a.id), 'closed');
    assert.equal(wf.platform.order(a.merchantOrderNo)?.state, 'CLOSED');
  });

  it('R35 refund by the original channel: out_refund_no is our refund number, amounts in fen; a retry refunds once; query refund', async () => {
    const a = await h.start('20.00', 'wechatpay');
    wf.platform.pay(a.merchantOrderNo);
    await wf.platform.idle();
    const req = {
      merchantOrderNo: a.merchantOrderNo,
      providerTxnId: null,
      refundNo: 'RF01TESTREFUND0000000000001',
      amount: 501n,
      total: 2_000n,
      currency: 'CNY' as const,
      reason: '客户申请退款',
    };
    const first = await provider.refund(req);
    const again = await provider.refund(req);
    assert.equal(first.state, 'succeeded');
    assert.deepEqual(again, first, 'the same out_refund_no is the same refund');
    const sent = wf.seen
      .filter((r) => r.url === '/v3/refund/domestic/refunds')
      .map((r) => JSON.parse(r.body).amount);
    assert.deepEqual(sent.at(-1), { refund: 501, total: 2_000, currency: 'CNY' });
    assert.deepEqual(await provider.queryRefund(a.merchantOrderNo, req.refundNo), first);
    const tooMuch = await provider.refund({
      ...req,
      refundNo: 'RF01TESTREFUND0000000000002',
      amount: 1_500n,
    });
    assert.equal(tooMuch.state, 'failed', 'more than what is left is WeChat Pay’s refusal, final');
    const unknown = await provider.queryRefund(a.merchantOrderNo, 'RF-NONE-000000');
    assert.match(unknown.state === 'failed' ? unknown.reason : '', /RESOURCE_NOT_EXISTS/);
  });

  it('S-12 an answer not signed by the platform key is refused by the SDK before we read it', async () => {
    const a = await h.start('1.00', 'wechatpay');
    wf.forgeAnswersWith = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      await assert.rejects(provider.queryAttempt(a.merchantOrderNo), /Verify the response/);
    } finally {
      wf.forgeAnswersWith = null;
    }
    assert.deepEqual(await provider.queryAttempt(a.merchantOrderNo), { state: 'unpaid' });
    assert.deepEqual(await provider.queryAttempt('KD-NEVER-CREATED-01'), { state: 'unpaid' });
  });
});

describe('S-12 WeChat Pay platform-certificate verification mode; our requests are signed with the merchant key', async () => {
  const merchant = selfSignedCert('1900000110');
  const platformCert = selfSignedCert('Tenpay.com Root CA');
  const clock = new FakeClock(Temporal.Now.instant());
  const apiV3Key = randomBytes(16).toString('hex');
  const opts = {
    mchid: '1900000110',
    appid: 'wxd678efh567hg6788',
    merchantSerial: merchant.serial,
    merchantPublicKey: merchant.publicKey,
    platform: {
      privateKey: platformCert.privateKey,
      publicKey: platformCert.publicKey,
      serial: platformCert.serial,
    },
    apiV3Key,
  };
  const fake = await wechatFake(opts, clock);
  after(() => fake.close());
  const env = (keyPem: string) => ({
    PUBLIC_URL: 'https://kaidan.example.com',
    WECHATPAY_MCHID: opts.mchid,
    WECHATPAY_APPID: opts.appid,
    WECHATPAY_SERIAL: merchant.serial,
    WECHATPAY_PRIVATE_KEY_FILE: writeTemp('apiclient_key.pem', keyPem),
    WECHATPAY_APIV3_KEY: apiV3Key,
    WECHATPAY_PLATFORM_CERT_FILES: writeTemp('wechatpay_cert.pem', platformCert.certPem),
    WECHATPAY_BASE_URL: `${fake.base}/`,
  });
  const providerWith = (keyPem: string) => {
    const pv = providerOf(
      paymentsFromEnv(env(keyPem), clock, { demo: false, notifyBase: () => '' }) ?? NO_PAYMENTS,
      'wechatpay',
    );
    assert.ok(pv);
    return pv;
  };

  it('S-12 the platform certificate’s serial names its key: answers and notifications verify with it', async () => {
    const pv = providerWith(merchant.keyPem);
    const expiresAt = clock.now().add({ minutes: 30 });
    const req = {
      merchantOrderNo: 'KD01CERTMODE00000000000001',
      amount: 1n,
      currency: 'CNY' as const,
      description: '充值',
      expiresAt,
    };
    const { codeUrl } = await pv.createAttempt(req);
    assert.match(codeUrl, /^weixin:/);
    const sent = JSON.parse(fake.seen.at(-1)?.body ?? '{}') as { notify_url: string; amount: unknown };
    assert.equal(sent.notify_url, 'https://kaidan.example.com/api/v1/payments/notify/wechatpay');
    assert.deepEqual(sent.amount, { total: 1, currency: 'CNY' }, '1 fen is 1');
    fake.dropNotifications = true;
    fake.platform.pay(req.merchantOrderNo);
    await fake.platform.idle();
    const n = fake.platform.notification(req.merchantOrderNo);
    assert.equal(n.headers['wechatpay-serial'], platformCert.serial);
    const v = await pv.verifyNotification({ body: n.body, header: (k) => n.headers[k.toLowerCase()] });
    assert.ok(v.ok && v.event.status === 'paid' && v.event.amount === 1n);
    assert.deepEqual(await pv.queryAttempt(req.merchantOrderNo), {
      state: 'paid',
      amount: 1n,
      currency: 'CNY',
      providerTxnId: fake.platform.order(req.merchantOrderNo)?.transactionId,
    });
  });

  it('S-12 a request signed with another key than the merchant’s is refused by WeChat Pay (401 SIGN_ERROR)', async () => {
    const stranger = selfSignedCert('stranger');
    const pv = providerWith(stranger.keyPem);
    await assert.rejects(pv.queryAttempt('KD01CERTMODE00000000000001'), /401/);
    assert.equal(
      fake.seen.at(-1)?.url,
      '/v3/pay/transactions/out-trade-no/KD01CERTMODE00000000000001?mchid=1900000110',
    );
  });
});
