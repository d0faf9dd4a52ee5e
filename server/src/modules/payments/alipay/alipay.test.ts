import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { paymentsFromEnv } from '../payments-config';
import { providerOf } from '../provider';
import { writeTemp } from '../testing/fake-kit';
import { providerHarness } from '../testing/topup-harness';
import { alipayFake } from './alipay-fake-kit';
import { alipayTime } from './alipay-provider';

// Alipay end to end against a local gateway that speaks its protocol: it checks our RSA2 request sign
// with the app public key and signs its answers and notifications with the Alipay key, which alipay-sdk
// verifies on our side. Keys are generated here and given as files, as Alipay's key tool writes them.
describe('R25 online top-ups through Alipay (当面付 precreate, RSA2)', async () => {
  const app = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const gatewayKey = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const appId = '2021000122600001';
  const { h, fake, provider } = await providerHarness(
    'alipay',
    (_, clock) =>
      alipayFake({ appId, appPublicKey: app.publicKey, alipayPrivateKey: gatewayKey.privateKey }, clock),
    (made, base) => ({
      PUBLIC_URL: base,
      ALIPAY_APP_ID: appId,
      // PKCS#1 PEM for our key; the Alipay public key as the bare base64 Alipay's console shows
      ALIPAY_PRIVATE_KEY_FILE: writeTemp(
        'app_private_key.pem',
        app.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      ),
      ALIPAY_PUBLIC_KEY_FILE: writeTemp(
        'alipay_public_key.txt',
        gatewayKey.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
      ),
      ALIPAY_REFUND_WINDOW_DAYS: '90',
      ALIPAY_BASE_URL: `${made.base}/gateway.do`,
    }),
  );
  const paid = async (amount: string) => {
    const a = await h.start(amount, 'alipay');
    assert.deepEqual(await fake.pay(a.merchantOrderNo), { status: 200, body: 'success' });
    return a;
  };

  it('R25 an agent tops up through Alipay: signed precreate → qr_code, paid, signed form notification → `success`, settled once', async () => {
    const before = await h.balance('CNY');
    const a = await h.start('123.45', 'alipay');
    assert.equal(a.provider, 'alipay');
    assert.match(a.codeUrl, /^https:\/\/qr\.alipay\.com\//);
    const sent = new URLSearchParams(fake.seen.at(-1)?.body);
    assert.deepEqual(
      JSON.parse(sent.get('biz_content') ?? '{}').total_amount,
      '123.45',
      'a yuan string, exact',
    );
    assert.equal(
      new URL(fake.seen.at(-1)?.url ?? '', 'http://x').searchParams.get('notify_url'),
      h.notifyUrl('alipay'),
    );
    assert.deepEqual(await fake.pay(a.merchantOrderNo), { status: 200, body: 'success' });
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal((await h.balance('CNY')) - before, 12_345n);
    const again = await fake.deliver(a.merchantOrderNo, fake.notification(a.merchantOrderNo));
    assert.deepEqual(again, { status: 200, body: 'success' }, 'a redelivery is answered success');
    assert.equal(await h.credits(a.id), 1, 'and credits nothing more');
    assert.deepEqual(await h.invariants(), []);
  });

  it('S-12 tampered, stale, foreign-key and other-app notifications are refused (`fail`), recorded unverified, credit nothing', async () => {
    const a = await paid('10.00');
    const before = await h.balance('CNY');
    const good = fake.notification(a.merchantOrderNo);
    const tampered = { ...good, total_amount: '1000.00' };
    const stale = fake.notification(a.merchantOrderNo, alipayTime(h.clock.now().subtract({ hours: 27 })));
    fake.signWith = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const forged = fake.notification(a.merchantOrderNo);
    fake.signWith = gatewayKey.privateKey;
    const otherApp = { ...good, app_id: '2021000199999999' };
    const answers = [];
    for (const form of [tampered, stale, forged, otherApp])
      answers.push(await fake.deliver(a.merchantOrderNo, form));
    assert.deepEqual(
      answers.map((x) => `${x.status} ${x.body}`),
      ['400 fail', '400 fail', '400 fail', '400 fail'],
    );
    const refused = (await h.notifications('alipay')).filter((r) => !r.verified).map((r) => r.outcome);
    assert.deepEqual(refused.sort(), [
      'refused:bad_signature',
      'refused:bad_signature',
      'refused:stale',
      'refused:unknown_serial',
    ]);
    assert.equal(await h.balance('CNY'), before);
    assert.equal(await h.credits(a.id), 1);
  });

  it('R25 when the notification is lost, the query job asks Alipay (alipay.trade.query) and settles it', async () => {
    const a = await h.start('8.88', 'alipay');
    const before = await h.balance('CNY');
    const t = fake.trades.get(a.merchantOrderNo);
    assert.ok(t);
    t.status = 'TRADE_SUCCESS';
    t.paidAt = alipayTime(h.clock.now());
    h.clock.advance({ minutes: 31 });
    assert.ok((await h.worker.drain()) >= 1);
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal((await h.balance('CNY')) - before, 888n);
  });

  it('R26 an attempt unpaid by its expiry is closed at Alipay and abandoned', async () => {
    const a = await h.start('5.00', 'alipay');
    const t = fake.trades.get(a.merchantOrderNo);
    assert.ok(t);
    t.status = 'WAIT_BUYER_PAY'; // scanned, never paid
    h.clock.advance({ minutes: 31 });
    await h.worker.drain();
    assert.equal(await h.stateOf(a.id), 'closed');
    assert.equal(t.status, 'TRADE_CLOSED');
  });

  it('R35 refund by the original channel: out_request_no is our refund number, a yuan string; a retry refunds once; refund query', async () => {
    const a = await paid('20.00');
    const req = {
      merchantOrderNo: a.merchantOrderNo,
      providerTxnId: null,
      refundNo: 'RF01ALIPAYREFUND000000000001',
      amount: 501n,
      total: 2_000n,
      currency: 'CNY' as const,
      reason: '客户申请退款',
    };
    const first = await provider.refund(req);
    assert.equal(first.state, 'succeeded');
    const biz = JSON.parse(new URLSearchParams(fake.seen.at(-1)?.body).get('biz_content') ?? '{}');
    assert.equal(biz.refund_amount, '5.01');
    assert.equal(biz.out_request_no, req.refundNo);
    assert.equal((await provider.refund(req)).state, 'succeeded', 'fund_change N: asked, already refunded');
    assert.deepEqual(
      [...(fake.trades.get(a.merchantOrderNo)?.refunds.values() ?? [])],
      [501n],
      'refunded once',
    );
    assert.equal((await provider.queryRefund(a.merchantOrderNo, req.refundNo)).state, 'succeeded');
    const over = await provider.refund({ ...req, refundNo: 'RF01ALIPAYREFUND000000000002', amount: 1_500n });
    assert.match(over.state === 'failed' ? over.reason : '', /ACQ\.REFUND_AMT_NOT_EQUAL_TOTAL/);
    const none = await provider.queryRefund(a.merchantOrderNo, 'RF-NONE');
    assert.match(none.state === 'failed' ? none.reason : '', /REFUND_NOT_EXIST/);
    assert.equal(provider.refundWindowDays, 90, 'per merchant setting (ALIPAY_REFUND_WINDOW_DAYS)');
  });

  it('S-12 a request signed with another key than the app’s is refused by the gateway (isv.invalid-signature)', async () => {
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const other = paymentsFromEnv(
      {
        PUBLIC_URL: h.base,
        ALIPAY_APP_ID: appId,
        ALIPAY_PRIVATE_KEY_FILE: writeTemp(
          'stranger.pem',
          stranger.export({ type: 'pkcs8', format: 'pem' }).toString(),
        ),
        ALIPAY_PUBLIC_KEY_FILE: writeTemp(
          'alipay_public_key.pem',
          gatewayKey.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
        ),
        ALIPAY_BASE_URL: `${fake.base}/gateway.do`,
      },
      h.clock,
      { demo: false, notifyBase: () => h.base },
    );
    const pv = other && providerOf(other, 'alipay');
    assert.ok(pv);
    const expiresAt = h.clock.now().add({ minutes: 30 });
    const req = {
      merchantOrderNo: 'KD01STRANGER00000000000001',
      amount: 100n,
      currency: 'CNY' as const,
      description: '充值',
      expiresAt,
    };
    await assert.rejects(pv.createAttempt(req), /isv\.invalid-signature/);
    assert.equal(fake.trades.has(req.merchantOrderNo), false);
  });

  it('S-12 an answer not signed with the Alipay key is refused by alipay-sdk before we read it', async () => {
    const a = await h.start('1.00', 'alipay');
    fake.signWith = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    try {
      await assert.rejects(provider.queryAttempt(a.merchantOrderNo), /验签失败/);
    } finally {
      fake.signWith = gatewayKey.privateKey;
    }
    assert.deepEqual(await provider.queryAttempt(a.merchantOrderNo), { state: 'unpaid' });
  });
});
