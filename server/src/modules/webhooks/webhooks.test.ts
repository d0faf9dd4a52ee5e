import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Webhook, WebhookVerificationError } from 'standardwebhooks';
import { FakeClock } from '../../platform/clock';
import { Worker } from '../../platform/jobs/worker';
import type { Principal } from '../../platform/principal';
import { refusal } from '../../testing/refusal';
import { firstYear } from '../../testing/scenario';
import { sql, useTestDatabase } from '../../testing/test-db';
import { buildWorld, freshParty, fund, P, W } from '../../testing/world';
import { approveOrder, placeOrder } from '../orders';
import { decideRequest, fileRefund } from '../requests';
import {
  DELIVER_JOB,
  deleteWebhookEndpoint,
  deliverWebhook,
  emitEvent,
  getWebhookDelivery,
  listEndpointDeliveries,
  listWebhookEndpoints,
  MAX_DELIVERY_ATTEMPTS,
  registerEndpoint,
  replayDelivery,
  retryDelayMs,
  rotateEndpointSecret,
  updateWebhookEndpoint,
} from '.';
import { webhookReceiver } from './webhook-test-kit';

const admin: Principal = { ...P.desk, userId: 'usr_desk', roles: ['admin'] };

describe('S-12 outbound webhooks signed per Standard Webhooks (issue #12)', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  // Near the real time: `verify` refuses timestamps more than 5 minutes from the receiver's clock.
  const clock = new FakeClock(new Date().toISOString());
  await buildWorld(db);
  const deps = { database, clock };
  const worker = new Worker(
    db,
    clock,
    new Map([[DELIVER_JOB, deliverWebhook({ clock, timeoutMs: 2_000, allowPrivate: true })]]),
  );
  const rx = await webhookReceiver();
  after(() => rx.close());
  let run = 0;

  /** A fresh partner with an endpoint on the receiver, and a way to get one of its orders paid. */
  async function partnerWithEndpoint(url = rx.url) {
    run++;
    const { partner, companyId } = await freshParty(db, run);
    await fund(db, clock, partner.partnerId ?? '', 10_000_000n, `wh-${run}`);
    const endpoint = await registerEndpoint(deps, partner, {
      url,
      eventTypes: ['order.paid', 'refund.done'],
      description: `run ${run}`,
    });
    let orders = 0;
    const paidOrder = async () => {
      // A new customer of the partner each time, so a second order is not a repeat subscription.
      const customer = orders++ === 0 ? companyId : `${companyId}_${orders}`;
      if (customer !== companyId)
        await sql`insert into companies (id, name_zh, partner_id, created_at)
          values (${customer}, ${`客户${customer}`}, ${partner.partnerId}, now())`.execute(db);
      const o = await placeOrder(deps, partner, {
        companyId: customer,
        productId: W.product,
        ...firstYear,
        submit: true,
      });
      await approveOrder(deps, P.desk, o.id);
      return o;
    };
    return { partner, companyId, endpoint, paidOrder };
  }
  const deliveriesOf = async (p: Principal, endpointId: string) =>
    (await listEndpointDeliveries(deps, p, endpointId, { limit: 50 })).items;

  it('S-12 an order paid reaches its partner’s endpoint once the worker runs; verify(body, headers) passes, a tampered body fails', async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    assert.match(endpoint.secret, /^whsec_/);
    rx.got.length = 0;
    const o = await paidOrder();
    assert.equal(rx.got.length, 0, 'the approval does not wait on the receiver');
    await worker.drain();
    assert.equal(rx.got.length, 1);
    const [m] = rx.got;
    if (!m) throw new Error('nothing received');
    const verified = new Webhook(endpoint.secret).verify(m.body, m.headers) as {
      type: string;
      data: { orderId: string; total: string; partnerId: string };
    };
    assert.equal(verified.type, 'order.paid');
    assert.equal(verified.data.orderId, o.id);
    assert.equal(verified.data.partnerId, partner.partnerId);
    assert.match(verified.data.total, /^\d+\.\d{2}$/, 'money as a decimal string');
    const tampered = m.body.replace(o.id, 'ord_someone_else');
    assert.throws(() => new Webhook(endpoint.secret).verify(tampered, m.headers), WebhookVerificationError);
    const [d] = await deliveriesOf(partner, endpoint.id);
    assert.equal(d?.state, 'delivered');
    assert.equal(d?.messageId, m.headers['webhook-id']);
    assert.equal(d?.lastStatus, 200);
  });

  it('S-12 a receiver answering 500 then 200 gets a retry after the backoff, with the same webhook-id', async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    rx.got.length = 0;
    rx.answer(500);
    await paidOrder();
    await worker.drain();
    assert.equal(rx.got.length, 1);
    let [d] = await deliveriesOf(partner, endpoint.id);
    assert.equal(d?.state, 'pending');
    assert.equal(d?.attempts, 1);
    assert.equal(d?.lastStatus, 500);
    assert.ok(d?.nextAttemptAt, 'the log says when the next attempt is');
    await worker.drain();
    assert.equal(rx.got.length, 1, 'the retry waits for its backoff');
    clock.advance({ milliseconds: retryDelayMs(1) });
    await worker.drain();
    assert.equal(rx.got.length, 2);
    assert.equal(rx.got[0]?.headers['webhook-id'], rx.got[1]?.headers['webhook-id']);
    new Webhook(endpoint.secret).verify(rx.got[1]?.body ?? '', rx.got[1]?.headers ?? {});
    [d] = await deliveriesOf(partner, endpoint.id);
    assert.equal(d?.state, 'delivered');
    assert.equal(d?.nextAttemptAt, null);
    const detail = await getWebhookDelivery(deps, partner, d?.id ?? '');
    assert.deepEqual(
      detail.attemptLog.map((a) => [a.n, a.statusCode, a.replay]),
      [
        [1, 500, false],
        [2, 200, false],
      ],
    );
    assert.equal(detail.attemptLog[0]?.responseExcerpt, 'failed with 500');
  });

  it('S-12 replay re-delivers with the same webhook-id and a new timestamp, logged as a replay', async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    await paidOrder();
    await worker.drain();
    const [d] = await deliveriesOf(partner, endpoint.id);
    rx.got.length = 0;
    clock.advance({ seconds: 30 });
    assert.deepEqual(await replayDelivery(deps, partner, d?.id ?? ''), { queued: true });
    await worker.drain();
    assert.equal(rx.got.length, 1);
    const [m] = rx.got;
    assert.equal(m?.headers['webhook-id'], d?.messageId);
    new Webhook(endpoint.secret).verify(m?.body ?? '', m?.headers ?? {});
    const detail = await getWebhookDelivery(deps, partner, d?.id ?? '');
    assert.equal(detail.attemptLog.length, 2);
    assert.equal(detail.attemptLog[1]?.replay, true);
    assert.notEqual(detail.attemptLog[0]?.at, detail.attemptLog[1]?.at);
    assert.equal(detail.attempts, 1, 'a replay is not an automatic attempt');
  });

  it(`S-12 a receiver that keeps failing is tried ${MAX_DELIVERY_ATTEMPTS} times with growing gaps, then the delivery is failed`, async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    rx.got.length = 0;
    rx.answer(...Array.from({ length: MAX_DELIVERY_ATTEMPTS }, () => 503));
    await paidOrder();
    await worker.drain();
    for (let n = 1; n < MAX_DELIVERY_ATTEMPTS; n++) {
      clock.advance({ milliseconds: retryDelayMs(n) });
      await worker.drain();
    }
    assert.equal(rx.got.length, MAX_DELIVERY_ATTEMPTS);
    clock.advance({ hours: 24 });
    await worker.drain();
    assert.equal(rx.got.length, MAX_DELIVERY_ATTEMPTS, 'no attempt after the last');
    const [d] = await deliveriesOf(partner, endpoint.id);
    assert.equal(d?.state, 'failed');
    assert.equal(d?.nextAttemptAt, null);
    clock.set(new Date().toISOString());
  });

  it('S-12 a partner never receives another partner’s events; a vendor-wide endpoint receives every partner’s', async () => {
    const rxB = await webhookReceiver();
    const rxAll = await webhookReceiver();
    try {
      const a = await partnerWithEndpoint();
      const b = await partnerWithEndpoint(rxB.url);
      const all = await registerEndpoint(deps, admin, { url: rxAll.url, eventTypes: ['order.paid'] });
      assert.equal(all.partnerId, null);
      await a.paidOrder();
      await worker.drain();
      assert.equal(rxB.got.length, 0, 'B got nothing of A’s');
      assert.equal(rxAll.got.length, 1);
      assert.equal((await deliveriesOf(b.partner, b.endpoint.id)).length, 0);
      // B cannot see, change, replay or even learn of A's endpoint or deliveries.
      const [da] = await deliveriesOf(a.partner, a.endpoint.id);
      const ids = (await listWebhookEndpoints(deps, b.partner)).map((e) => e.id);
      assert.deepEqual(ids, [b.endpoint.id]);
      for (const attempt of [
        () => listEndpointDeliveries(deps, b.partner, a.endpoint.id, { limit: 10 }),
        () => getWebhookDelivery(deps, b.partner, da?.id ?? ''),
        () => replayDelivery(deps, b.partner, da?.id ?? ''),
        () => rotateEndpointSecret(deps, b.partner, a.endpoint.id),
        () => updateWebhookEndpoint(deps, b.partner, a.endpoint.id, { version: 1, enabled: false }),
        () => deleteWebhookEndpoint(deps, b.partner, all.id),
      ]) {
        assert.equal((await refusal(attempt())).status, 404);
      }
      await deleteWebhookEndpoint(deps, admin, all.id);
    } finally {
      await rxB.close();
      await rxAll.close();
    }
  });

  it('S-12 refund.done: an approved refund request reaches the partner’s endpoint', async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    const o = await paidOrder();
    await worker.drain();
    rx.got.length = 0;
    const req = await fileRefund(deps, partner, { orderIds: [o.id], mode: 'refund', reason: '客户退订' });
    await decideRequest(deps, P.finance, { id: req.id, verdict: 'approve', comment: '同意' });
    await worker.drain();
    assert.equal(rx.got.length, 1);
    const body = new Webhook(endpoint.secret).verify(rx.got[0]?.body ?? '', rx.got[0]?.headers ?? {}) as {
      type: string;
      data: { requestId: string; orders: { orderId: string }[] };
    };
    assert.equal(body.type, 'refund.done');
    assert.equal(body.data.requestId, req.id);
    assert.deepEqual(
      body.data.orders.map((x) => x.orderId),
      [o.id],
    );
  });

  it('S-12 rotating the secret: later deliveries verify with the new secret only; a disabled endpoint gets nothing', async () => {
    const { partner, endpoint, paidOrder } = await partnerWithEndpoint();
    const rotated = await rotateEndpointSecret(deps, partner, endpoint.id);
    assert.notEqual(rotated.secret, endpoint.secret);
    rx.got.length = 0;
    await paidOrder();
    await worker.drain();
    const [m] = rx.got;
    new Webhook(rotated.secret).verify(m?.body ?? '', m?.headers ?? {});
    assert.throws(() => new Webhook(endpoint.secret).verify(m?.body ?? '', m?.headers ?? {}));
    const off = await updateWebhookEndpoint(deps, partner, endpoint.id, {
      version: rotated.version,
      enabled: false,
    });
    assert.equal(off.enabled, false);
    rx.got.length = 0;
    await paidOrder();
    await worker.drain();
    assert.equal(rx.got.length, 0);
  });

  it('S-12 the outbox: an event raised in a transaction that rolls back leaves no event, delivery or job', async () => {
    const { partner } = await partnerWithEndpoint();
    const count = async () =>
      (
        await sql<{ n: number }>`select (select count(*) from webhook_events)
          + (select count(*) from webhook_deliveries) + (select count(*) from jobs where kind = ${DELIVER_JOB}) as n`.execute(
          db,
        )
      ).rows[0]?.n;
    const before = await count();
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await emitEvent(tx, clock, { type: 'order.paid', partnerId: partner.partnerId, payload: { x: 1 } });
        throw new Error('the business change failed');
      }),
    );
    assert.equal(await count(), before);
  });

  it('S-12 endpoint rules: https, or http to this machine only; own partner only; admins and partner agents only', async () => {
    run++;
    const { partner } = await freshParty(db, run);
    const e = await refusal(
      registerEndpoint(deps, partner, { url: 'http://hooks.example.com/x', eventTypes: ['order.paid'] }),
    );
    assert.equal(e.status, 422);
    assert.equal(e.fields[0]?.code, 'URL_NOT_HTTPS');
    assert.ok(e.text.zh && e.text.en);
    const ok = await registerEndpoint(deps, partner, {
      url: 'https://hooks.example.com/x',
      eventTypes: ['invoice.issued'],
    });
    assert.equal(ok.partnerId, partner.partnerId);
    assert.ok(
      await registerEndpoint(deps, partner, { url: 'http://localhost:9/x', eventTypes: ['payment.failed'] }),
    );
    const other = await refusal(
      registerEndpoint(deps, partner, {
        url: 'https://a.example.com',
        eventTypes: ['order.paid'],
        partnerId: W.partnerB,
      }),
    );
    assert.equal(other.status, 403);
    for (const p of [P.desk, P.finance, P.sales, P.customer]) {
      assert.equal(
        (
          await refusal(
            registerEndpoint(deps, p, { url: 'https://a.example.com', eventTypes: ['order.paid'] }),
          )
        ).status,
        403,
      );
      assert.equal((await refusal(listWebhookEndpoints(deps, p))).status, 403);
    }
    const unknown = await refusal(
      registerEndpoint(deps, admin, {
        url: 'https://a.example.com',
        eventTypes: ['order.paid'],
        partnerId: 'prt_nope',
      }),
    );
    assert.equal(unknown.code, 'PARTNER_UNKNOWN');
    const listed = await listWebhookEndpoints(deps, partner);
    assert.equal(listed.length, 2);
    assert.ok(
      listed.every((x) => !('secret' in x)),
      'lists never carry the secret',
    );
  });
});
