import assert from 'node:assert/strict';
import { after } from 'node:test';
import { createApp } from '../../app';
import { listen } from '../../http/listen';
import { FakeClock } from '../../platform/clock';
import { Worker } from '../../platform/jobs/worker';
import { makeUser, signIn } from '../../testing/auth-factory';
import { brokenInvariants } from '../../testing/invariant-store';
import { sql, useTestDatabase } from '../../testing/test-db';
import { buildWorld, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { ORDER_DUE_JOB } from '../orders';
import { expireAttemptJob } from './expire-attempt';
import { orderDueJob } from './expire-order-payment';
import { EXPIRE_JOB } from './online-attempt';
import { sandboxPayments } from './payments-config';
import { generateSandboxKeys } from './sandbox-platform';
import { apiCaller } from './testing/api-call';

type Json = Record<string, unknown> & { code?: string; details?: Record<string, unknown> };

// R28 R29 over real HTTP: a customer's self-service order paid through the sandbox provider, whose
// platform posts WeChat Pay API v3 notifications (signed, encrypted) to this server's notify endpoint.

// The world of the order payment tests: the seed-000 world behind a real HTTP server with the sandbox
// provider, whose platform posts WeChat Pay API v3 notifications (signed, encrypted) to its notify endpoint.
export async function orderPaymentWorld() {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  await buildWorld(db);
  let base = '';
  const { payments, platform } = sandboxPayments(clock, () => base, generateSandboxKeys());
  const app = createApp({ database, clock, payments });
  const { server, address } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${address.port}`;
  after(() => server.close());
  const worker = new Worker(
    db,
    clock,
    new Map([
      [EXPIRE_JOB, expireAttemptJob(clock, payments)],
      [ORDER_DUE_JOB, orderDueJob(clock)],
    ]),
  );

  let seq = 0;
  const cookies = new Map<string, string>();
  /** A company of partner A with its own customer user, so every case starts from no entitlement. */
  const customer = async (region = 'CN') => {
    const companyId = `cmp_pay_${++seq}`;
    await sql`insert into companies (id, name_zh, name_en, region, partner_id, created_at)
      values (${companyId}, ${`付款测试${seq}`}, ${`Pay test ${seq}`}, ${region}, ${W.partnerA}, now())`.execute(
      db,
    );
    const u = await makeUser(database, clock, { roles: ['customer'], companyId });
    cookies.set(u.id, await signIn(app, u.email, u.password));
    return { companyId, who: u.id };
  };
  const staff = async (roles: ('finance' | 'sales' | 'partner_agent')[], partnerId?: string) => {
    const u = await makeUser(database, clock, { roles, ...(partnerId ? { partnerId } : {}) });
    cookies.set(u.id, await signIn(app, u.email, u.password));
    return u.id;
  };
  const call = apiCaller<string, Json>(base, (who) => cookies.get(who) ?? '');
  const lines = [{ planId: W.edition, seats: 5, duration: { unit: 'year', value: 1 } }];
  const place = (who: string, companyId: string, paymentMethod?: string) =>
    call(who, 'POST', '/orders', {
      companyId,
      productId: W.product,
      orderType: 'new',
      lines,
      submit: true,
      ...(paymentMethod ? { paymentMethod } : {}),
    });
  const placed = async (who: string, companyId: string, method: string) => {
    const r = await place(who, companyId, method);
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json as { id: string; number: string; state: string };
  };
  const startPay = async (who: string, orderId: string, body: unknown = { method: 'sandbox' }) => {
    const r = await call(who, 'POST', `/orders/${orderId}/payments`, body);
    assert.equal(r.status, 201, JSON.stringify(r.json));
    return r.json as {
      id: string;
      merchantOrderNo: string;
      codeUrl: string | null;
      state: string;
      expiresAt: string;
    };
  };
  const order = async (id: string) =>
    (
      await sql<{ state: string; paid_at: Date | null; payment_due_at: Date | null; payment_method: string }>`
      select state, paid_at, payment_due_at, payment_method from orders where id = ${id}`.execute(db)
    ).rows[0];
  const attemptState = async (id: string) =>
    (await sql<{ state: string }>`select state from payment_attempts where id = ${id}`.execute(db)).rows[0]
      ?.state;
  const captures = async (orderId: string) =>
    (
      await sql<{ n: number }>`select count(*)::int as n from journal_entries
        where ref_type = 'order' and ref_id = ${orderId}`.execute(db)
    ).rows[0]?.n;
  const granted = async (companyId: string) => (await componentsOf(db, companyId)).length;
  const noBreaks = async () => assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  return {
    database,
    db,
    clock,
    payments,
    platform,
    base,
    worker,
    customer,
    staff,
    call,
    place,
    placed,
    startPay,
    order,
    attemptState,
    captures,
    granted,
    noBreaks,
    lines,
    nextSeq: () => ++seq,
  };
}
