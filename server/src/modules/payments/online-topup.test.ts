import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, describe, it } from 'node:test';
import { Aes } from 'wechatpay-axios-plugin';
import { createApp } from '../../app';
import { listen } from '../../http/listen';
import { FakeClock } from '../../platform/clock';
import { Worker } from '../../platform/jobs/worker';
import { makeUser, signIn } from '../../testing/auth-factory';
import { brokenInvariants } from '../../testing/invariant-store';
import { sql, useTestDatabase } from '../../testing/test-db';
import { buildWorld, W } from '../../testing/world';
import { findWallet } from '../wallets';
import { expireAttemptJob } from './expire-attempt';
import { EXPIRE_JOB } from './online-attempt';
import { notificationsOf } from './payment-store';
import { sandboxPayments } from './payments-config';
import { generateSandboxKeys } from './sandbox-platform';
import { apiCaller } from './testing/api-call';

// The whole path over real HTTP: a top-up started through the API, paid in the sandbox, whose platform
// (keys generated here) posts the WeChat Pay API v3 notification to this server's notify endpoint.
describe('R25 online top-ups through the sandbox provider (WeChat Pay API v3 notifications)', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  await buildWorld(db);
  let base = '';
  const keys = generateSandboxKeys();
  const { payments, platform } = sandboxPayments(clock, () => base, keys);
  const app = createApp({ database, clock, payments });
  const { server, address } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${address.port}`;
  after(() => server.close());
  const worker = new Worker(db, clock, new Map([[EXPIRE_JOB, expireAttemptJob(clock, payments)]]));

  const agent = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: W.partnerA });
  const agentB = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: W.partnerB });
  const customer = await makeUser(database, clock, { roles: ['customer'], companyId: W.huihuang });
  const finance = await makeUser(database, clock, { roles: ['finance'] });
  const cookie = {
    agent: await signIn(app, agent.email, agent.password),
    agentB: await signIn(app, agentB.email, agentB.password),
    customer: await signIn(app, customer.email, customer.password),
    finance: await signIn(app, finance.email, finance.password),
  };
  const call = apiCaller<keyof typeof cookie, Record<string, string>>(base, (who) => cookie[who]);
  const balance = async (ownerType: 'partner' | 'company', ownerId: string) =>
    (await findWallet(db, ownerType, ownerId, 'CNY'))?.balance ?? 0n;
  const start = async (who: 'agent' | 'customer', amount: string) => {
    const r = await call(who, 'POST', '/payments/topups', { amount });
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json as {
      id: string;
      merchantOrderNo: string;
      state: string;
      codeUrl: string;
      currency: string;
    };
  };
  const stateOf = async (id: string) => (await call('finance', 'GET', `/payments/attempts/${id}`)).json.state;
  const credits = async (id: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from journal_entries
        where ref_type = 'payment_attempt' and ref_id = ${id}`.execute(db)
    ).rows[0]?.n;

  /** A success notification for any order and total, signed and encrypted with the sandbox's keys. */
  const sendSigned = async (outTradeNo: string, total: number, id: string) => {
    const iv = randomBytes(6).toString('hex');
    const resource = JSON.stringify({
      out_trade_no: outTradeNo,
      transaction_id: `4200${randomBytes(8).toString('hex')}`,
      trade_state: 'SUCCESS',
      amount: { total, currency: 'CNY' },
    });
    const body = JSON.stringify({
      id,
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: Aes.AesGcm.encrypt(resource, keys.apiV3Key, iv, 'transaction'),
        associated_data: 'transaction',
        nonce: iv,
      },
    });
    const signed = platform.sign(body, Math.floor(clock.now().epochMilliseconds / 1000));
    return fetch(`${base}/api/v1/payments/notify/sandbox`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signed.headers },
      body,
    });
  };

  it('R25 an agent tops up its partner wallet online: QR code, sandbox pay, signed notification over HTTP, wallet credited once through the ledger', async () => {
    const before = await balance('partner', W.partnerA);
    const a = await start('agent', '123.45');
    assert.equal(a.state, 'pending');
    assert.equal(a.currency, 'CNY', 'the server decides the currency');
    assert.match(a.codeUrl, /^weixin:\/\/wxpay\/bizpayurl\?pr=/);
    assert.equal((await call('agent', 'POST', `/sandbox/payments/${a.id}/pay`)).status, 202);
    await platform.idle();
    assert.deepEqual(platform.delivered.slice(-1), [204], 'answered as WeChat Pay expects');
    assert.equal(await stateOf(a.id), 'paid');
    assert.equal((await balance('partner', W.partnerA)) - before, 12_345n);
    assert.equal(await credits(a.id), 1);
    const { rows } = await sql<{ action: string }>`select action from audit_log
      where object_type = 'payment_attempt' and object_id = ${a.id} order by at, id`.execute(db);
    assert.deepEqual(
      rows.map((r) => r.action),
      ['payment.started', 'payment.paid'],
    );
    assert.deepEqual(
      Object.values(await brokenInvariants(db)).flat(),
      [],
      'the ledger balances and the wallet cache matches it',
    );
  });

  it('S-12 a replayed (duplicate) notification is stored once and changes nothing; two concurrent deliveries credit once', async () => {
    const a = await start('customer', '50.00');
    const before = await balance('company', W.huihuang);
    await call('customer', 'POST', `/sandbox/payments/${a.id}/pay`);
    await platform.idle();
    const n = platform.notification(a.merchantOrderNo);
    const [x, y] = await Promise.all([
      platform.deliver(a.merchantOrderNo, n),
      platform.deliver(a.merchantOrderNo),
    ]);
    assert.deepEqual([x.delivered, y.delivered], [204, 204], 'a duplicate is acknowledged, so it stops');
    assert.equal((await balance('company', W.huihuang)) - before, 5_000n, 'credited once');
    assert.equal(await credits(a.id), 1);
    const stored = (await notificationsOf(db, 'sandbox')).filter(
      (r) => r.notification_id === JSON.parse(n.body).id,
    );
    assert.deepEqual(
      stored.map((r) => [r.verified, r.outcome]),
      [[true, 'settled']],
      'stored once',
    );
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });

  it('S-12 tampered, stale and wrong-serial notifications are refused (400) and recorded unverified; nothing is credited', async () => {
    const a = await start('agent', '10.00');
    const before = await balance('partner', W.partnerA);
    platform.pay(a.merchantOrderNo);
    await platform.idle();
    const sent = await Promise.all([
      (() => {
        const n = platform.notification(a.merchantOrderNo);
        return platform.deliver(a.merchantOrderNo, { ...n, body: n.body.replace('"summary"', '"summary" ') });
      })(),
      platform.deliver(
        a.merchantOrderNo,
        platform.notification(a.merchantOrderNo, clock.now().subtract({ seconds: 301 })),
      ),
      (() => {
        const n = platform.notification(a.merchantOrderNo);
        return platform.deliver(a.merchantOrderNo, {
          ...n,
          headers: { ...n.headers, 'wechatpay-serial': 'NOT-OURS' },
        });
      })(),
    ]);
    assert.deepEqual(
      sent.map((s) => s.delivered),
      [400, 400, 400],
    );
    const refused = (await notificationsOf(db, 'sandbox')).filter((r) => !r.verified).map((r) => r.outcome);
    assert.deepEqual(refused.sort(), ['refused:bad_signature', 'refused:stale', 'refused:unknown_serial']);
    assert.equal(
      (await balance('partner', W.partnerA)) - before,
      1_000n,
      'only the genuine delivery credited',
    );
  });

  it('R25 a notification and the query job racing on one attempt settle it once', async () => {
    const a = await start('agent', '77.00');
    const before = await balance('partner', W.partnerA);
    // Past its expiry the query job asks the provider while the payment's notification is on its way.
    clock.advance({ minutes: 31 });
    platform.pay(a.merchantOrderNo);
    const [ran] = await Promise.all([worker.drain(), platform.idle()]);
    assert.ok(ran >= 1);
    assert.equal(await stateOf(a.id), 'paid');
    assert.equal((await balance('partner', W.partnerA)) - before, 7_700n);
    assert.equal(await credits(a.id), 1);
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });

  it('R25 when the notification never arrives, the query job finds the payment and settles it', async () => {
    const a = await start('agent', '8.88');
    const before = await balance('partner', W.partnerA);
    // The same merchant keys, but every delivery is lost on the way.
    const lossy = sandboxPayments(
      clock,
      () => base,
      keys,
      async () => {
        throw new Error('connection reset');
      },
    );
    lossy.platform.createOrder(
      {
        merchantOrderNo: a.merchantOrderNo,
        amount: 888n,
        currency: 'CNY',
        description: '',
        expiresAt: clock.now(),
      },
      `${base}/none`,
    );
    lossy.platform.pay(a.merchantOrderNo);
    await lossy.platform.idle();
    assert.match(String(lossy.platform.delivered[0]), /connection reset/);
    assert.equal(await stateOf(a.id), 'pending');
    clock.advance({ minutes: 31 });
    const lossyWorker = new Worker(
      db,
      clock,
      new Map([[EXPIRE_JOB, expireAttemptJob(clock, lossy.payments)]]),
    );
    assert.ok((await lossyWorker.drain()) >= 1);
    assert.equal(await stateOf(a.id), 'paid');
    assert.equal((await balance('partner', W.partnerA)) - before, 888n);
    const { rows } = await sql<{ after: { via: string } }>`select after from audit_log
      where object_id = ${a.id} and action = 'payment.paid'`.execute(db);
    assert.equal(rows[0]?.after.via, 'query');
  });

  it('R26 an attempt not paid by its expiry is closed (abandoned) by the job; a late notification is recorded and credits nothing', async () => {
    const a = await start('customer', '30.00');
    const before = await balance('company', W.huihuang);
    clock.advance({ minutes: 31 });
    assert.ok((await worker.drain()) >= 1);
    assert.equal(await stateOf(a.id), 'closed');
    assert.equal((await call('customer', 'POST', `/sandbox/payments/${a.id}/pay`)).status, 409);
    // A properly signed success for the closed attempt (as if WeChat Pay had taken the money anyway).
    const res = await sendSigned(a.merchantOrderNo, 3000, `EV-late-${a.id}`);
    assert.equal(res.status, 204);
    const late = (await notificationsOf(db, 'sandbox')).find((r) => r.notification_id === `EV-late-${a.id}`);
    assert.equal(late?.outcome, 'late');
    assert.equal(await balance('company', W.huihuang), before, 'nothing credited');
    assert.equal(await stateOf(a.id), 'closed');
  });

  it('R25 a verified notification whose amount differs from the attempt is recorded and credits nothing', async () => {
    const a = await start('agent', '20.00');
    const before = await balance('partner', W.partnerA);
    assert.equal((await sendSigned(a.merchantOrderNo, 1999, `EV-short-${a.id}`)).status, 204);
    const n = (await notificationsOf(db, 'sandbox')).find((r) => r.notification_id === `EV-short-${a.id}`);
    assert.equal(n?.outcome, 'amount_mismatch');
    assert.equal(await stateOf(a.id), 'pending');
    assert.equal(await balance('partner', W.partnerA), before);
  });

  it('R25 a suspended partner’s agent may not start an online top-up (403 PARTY_SUSPENDED)', async () => {
    await sql`update partners set state = 'suspended' where id = ${W.partnerB}`.execute(db);
    try {
      const r = await call('agentB', 'POST', '/payments/topups', { amount: '5.00' });
      assert.deepEqual([r.status, r.json.code], [403, 'PARTY_SUSPENDED']);
    } finally {
      await sql`update partners set state = 'active' where id = ${W.partnerB}`.execute(db);
    }
  });

  it('R26 online top-ups are listed with state filters, each party seeing its own; finance sees all; staff may not start one', async () => {
    const mine = await call('agent', 'GET', '/payments/topups?limit=50');
    const items = (mine.json as unknown as { items: { ownerId: string; state: string }[] }).items;
    assert.ok(items.length >= 3 && items.every((i) => i.ownerId === W.partnerA));
    const paid = await call('agent', 'GET', '/payments/topups?state=paid');
    assert.ok(
      (paid.json as unknown as { items: { state: string }[] }).items.every((i) => i.state === 'paid'),
    );
    const other = await call('agentB', 'GET', '/payments/topups');
    assert.deepEqual((other.json as unknown as { items: unknown[] }).items, []);
    const first = items[0] as unknown as { id: string };
    assert.equal((await call('agentB', 'GET', `/payments/attempts/${first.id}`)).status, 404);
    const all = await call('finance', 'GET', '/payments/topups?state=closed');
    assert.ok(
      (all.json as unknown as { items: { ownerType: string }[] }).items.some(
        (i) => i.ownerType === 'company',
      ),
    );
    assert.equal((await call('finance', 'POST', '/payments/topups', { amount: '1.00' })).status, 403);
    assert.equal((await call('agent', 'POST', '/payments/topups', { amount: '0.00' })).status, 422);
  });
});
