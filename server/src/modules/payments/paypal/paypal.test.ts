import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { describe, it } from 'node:test';
import { selfSignedCert } from '../testing/fake-kit';
import { providerHarness } from '../testing/topup-harness';
import { paypalFake } from './paypal-fake-kit';
import { orderIdOfLink } from './paypal-provider';

// PayPal end to end against a local fake of its REST API: OAuth tokens, Orders v2, captures, refunds and
// its webhook certificate. Webhooks are signed as PayPal signs them, with a certificate generated here,
// and verified on our side by PayPal's self-verification method; the SDK is @paypal/paypal-server-sdk.
describe('R25 R28 online top-ups through PayPal (Orders v2, approve then capture, USD)', async () => {
  const cert = selfSignedCert('messageverificationcerts.paypal.com');
  const creds = {
    clientId: 'AUv8rrc_P-EbP2E0mpb49BV7rFt3Usr-vdUZO8VGOnjRehGHBXkSzchr37SYF2GNdQFYSp72jh5QUhzG',
    clientSecret: 'EMnAWe06ioGtouJs7gLYT9chK9-2jJ--7MKRXpI8FesmY_2Kp-d_7aCqff7M9moEJBvuXoBO4clKtY0v',
    webhookId: '1JE4291016473214C',
  };
  const { h, fake, provider } = await providerHarness(
    'paypal',
    (base, clock) =>
      paypalFake({ ...creds, webhookUrl: `${base}/api/v1/payments/notify/paypal`, cert }, clock),
    (made, base) => ({
      PUBLIC_URL: base,
      PAYPAL_CLIENT_ID: creds.clientId,
      PAYPAL_CLIENT_SECRET: creds.clientSecret,
      PAYPAL_WEBHOOK_ID: creds.webhookId,
      PAYPAL_ENVIRONMENT: 'sandbox',
      PAYPAL_BASE_URL: made.base,
      PAYPAL_CERT_ORIGINS: made.base,
    }),
  );
  const orderOf = (codeUrl: string) => {
    const o = fake.orders.get(orderIdOfLink(codeUrl) ?? '');
    assert.ok(o);
    return o;
  };
  const paidAttempt = async (amount: string) => {
    const a = await h.start(amount, 'paypal');
    assert.equal(await fake.approve(orderOf(a.codeUrl).id), 200);
    await fake.idle();
    assert.equal(await h.stateOf(a.id), 'paid');
    return a;
  };

  it('R28 an agent tops up in USD: order with the approval link, approved (webhook) → captured → settled once; the capture webhook changes nothing', async () => {
    const before = await h.balance('USD');
    const a = await h.start('12.34', 'paypal');
    assert.equal(a.currency, 'USD', 'PayPal is USD');
    assert.match(a.codeUrl, /^https:\/\/www\.sandbox\.paypal\.com\/checkoutnow\?token=/);
    const create = fake.seen.find((r) => r.url === '/v2/checkout/orders');
    assert.ok(create);
    assert.equal(create.headers['paypal-request-id'], a.merchantOrderNo, 'created once per attempt');
    const unit = JSON.parse(create.body).purchase_units[0];
    assert.deepEqual(unit.amount, { currency_code: 'USD', value: '12.34' }, 'a decimal string, exact');
    assert.equal(unit.invoice_id, a.merchantOrderNo);
    const order = orderOf(a.codeUrl);
    assert.equal(await fake.approve(order.id), 200);
    await fake.idle();
    assert.equal(order.status, 'COMPLETED', 'captured on the approval');
    assert.deepEqual(fake.delivered, [200], 'the capture webhook answered 200');
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal((await h.balance('USD')) - before, 1_234n);
    assert.equal(await h.credits(a.id), 1);
    assert.deepEqual(
      (await h.notifications('paypal')).map((n) => n.outcome),
      ['settled', 'already_settled'],
    );
    assert.deepEqual(await h.invariants(), []);
  });

  it('S-12 a completed-capture webhook settles a pending attempt; its redelivery is stored once', async () => {
    const a = await h.start('1.00', 'paypal');
    const order = orderOf(a.codeUrl);
    order.status = 'COMPLETED'; // captured elsewhere (the payer's return page)
    const capture = {
      id: '7TK53561YB803214S',
      status: 'COMPLETED' as const,
      amount: order.unit.amount,
      invoice_id: a.merchantOrderNo,
      custom_id: a.merchantOrderNo,
      create_time: h.clock.now().toString(),
    };
    order.captures.push(capture);
    const w = fake.webhook('PAYMENT.CAPTURE.COMPLETED', capture);
    assert.equal(await fake.deliver(w), 200);
    assert.equal(await fake.deliver(w), 200, 'a redelivery is answered 2xx');
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal(await h.credits(a.id), 1);
    const got = await h.call('finance', 'GET', `/payments/attempts/${a.id}`);
    assert.equal(got.json.providerTxnId, capture.id, 'the capture id, which a refund goes back through');
  });

  it('S-12 tampered, stale, foreign-certificate, wrong-key and other-webhook transmissions are refused (400), recorded, credit nothing; the certificate is fetched once', async () => {
    const a = await h.start('3.00', 'paypal');
    const order = orderOf(a.codeUrl);
    order.status = 'APPROVED';
    const resource = fake.orderJson(order);
    const good = fake.webhook('CHECKOUT.ORDER.APPROVED', resource);
    const sent = [
      { ...good, body: good.body.replace('"3.00"', '"300.00"') },
      fake.webhook('CHECKOUT.ORDER.APPROVED', resource, {
        at: h.clock.now().subtract({ minutes: 11 }).toString(),
      }),
      fake.webhook('CHECKOUT.ORDER.APPROVED', resource, { certUrl: 'https://evil.example.com/cert.pem' }),
      fake.webhook('CHECKOUT.ORDER.APPROVED', resource, {
        key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
      }),
      fake.webhook('CHECKOUT.ORDER.APPROVED', resource, { webhookId: '9XX99999XX999999X' }),
    ];
    const answers = [];
    for (const w of sent) answers.push(await fake.deliver(w));
    assert.deepEqual(answers, [400, 400, 400, 400, 400]);
    const refused = (await h.notifications('paypal')).filter((n) => !n.verified).map((n) => n.outcome);
    assert.deepEqual(refused.sort(), [
      'refused:bad_signature',
      'refused:bad_signature',
      'refused:bad_signature',
      'refused:stale',
      'refused:unknown_serial',
    ]);
    assert.equal(order.status, 'APPROVED', 'nothing captured');
    assert.equal(await h.stateOf(a.id), 'pending');
    assert.equal(fake.seen.filter((r) => r.url === new URL(fake.certUrl).pathname).length, 1, 'cached');
  });

  it('R25 when the approval webhook is lost, the query job finds the order approved, captures it and settles', async () => {
    const a = await h.start('8.88', 'paypal');
    const order = orderOf(a.codeUrl);
    order.status = 'APPROVED';
    h.clock.advance({ minutes: 31 });
    assert.ok((await h.worker.drain()) >= 1);
    await fake.idle();
    assert.equal(order.status, 'COMPLETED');
    assert.equal(await h.stateOf(a.id), 'paid');
    assert.equal(await h.credits(a.id), 1);
  });

  it('R26 an order not approved by its expiry is abandoned; a late approval is recorded and captures nothing', async () => {
    const a = await h.start('4.00', 'paypal');
    h.clock.advance({ minutes: 31 });
    await h.worker.drain();
    assert.equal(await h.stateOf(a.id), 'closed');
    const order = orderOf(a.codeUrl);
    assert.equal(await fake.approve(order.id), 200);
    assert.equal(order.status, 'APPROVED', 'not captured: the payer is not charged');
    assert.equal((await h.notifications('paypal')).at(-1)?.outcome, 'approved');
    assert.equal(await h.credits(a.id), 0);
  });

  it('R35 refund of the capture: PayPal-Request-Id is our refund number (a retry refunds once); query refund; too much is refused', async () => {
    const a = await paidAttempt('20.00');
    const captureId = orderOf(a.codeUrl).captures[0]?.id ?? null;
    const req = {
      merchantOrderNo: a.merchantOrderNo,
      providerTxnId: captureId,
      refundNo: 'RF01PAYPALREFUND0000000001',
      amount: 501n,
      total: 2_000n,
      currency: 'USD' as const,
      reason: 'Customer request',
    };
    const first = await provider.refund(req);
    assert.equal(first.state, 'succeeded');
    assert.deepEqual(await provider.refund(req), first, 'the same request id is the same refund');
    assert.deepEqual(
      orderOf(a.codeUrl).refunds.map((r) => r.amount),
      [{ currency_code: 'USD', value: '5.01' }],
    );
    assert.deepEqual(await provider.queryRefund(a.merchantOrderNo, req.refundNo), first);
    const over = await provider.refund({ ...req, refundNo: 'RF01PAYPALREFUND0000000002', amount: 1_500n });
    assert.deepEqual(over, { state: 'failed', reason: 'REFUND_AMOUNT_EXCEEDED' });
    assert.equal(provider.refundWindowDays, 180);
  });
});
