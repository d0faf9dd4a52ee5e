import assert from 'node:assert/strict';
import { after } from 'node:test';
import type { Currency } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { createApp } from '../../../app';
import { listen } from '../../../http/listen';
import { FakeClock } from '../../../platform/clock';
import { Worker } from '../../../platform/jobs/worker';
import { makeUser, signIn } from '../../../testing/auth-factory';
import { brokenInvariants } from '../../../testing/invariant-store';
import { sql, useTestDatabase } from '../../../testing/test-db';
import { buildWorld, W } from '../../../testing/world';
import { findWallet } from '../../wallets';
import { expireAttemptJob } from '../expire-attempt';
import { EXPIRE_JOB } from '../online-attempt';
import { paymentsFromEnv } from '../payments-config';
import { type Payments, type ProviderName, providerOf } from '../provider';
import { apiCaller } from './api-call';

// One provider's end-to-end top-up over real HTTP (tests only): this server listening on a port, so a
// provider fake can post its notifications to our notify endpoint, with a partner agent who tops up.
// The clock starts at the real time: WeChat Pay's SDK checks answers against the system clock.

export interface Attempt {
  id: string;
  merchantOrderNo: string;
  state: string;
  codeUrl: string;
  currency: string;
  provider: string;
}

export async function topupHarness(build: (base: string, clock: FakeClock) => Payments | Promise<Payments>) {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock(Temporal.Now.instant());
  await buildWorld(db);
  let handler: (req: Request) => Response | Promise<Response> = () => new Response(null, { status: 503 });
  const { server, address } = await listen((req) => handler(req), { host: '127.0.0.1', port: 0 });
  const base = `http://127.0.0.1:${address.port}`;
  after(() => server.close());
  const payments = await build(base, clock);
  const app = createApp({ database, clock, payments });
  handler = app.fetch;
  const worker = new Worker(db, clock, new Map([[EXPIRE_JOB, expireAttemptJob(clock, payments)]]));
  const agent = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: W.partnerA });
  const finance = await makeUser(database, clock, { roles: ['finance'] });
  const cookie = {
    agent: await signIn(app, agent.email, agent.password),
    finance: await signIn(app, finance.email, finance.password),
  };
  const call = apiCaller(base, (who: keyof typeof cookie) => cookie[who]);
  return {
    db,
    clock,
    base,
    payments,
    worker,
    call,
    notifyUrl: (provider: string) => `${base}/api/v1/payments/notify/${provider}`,
    /** R25 online: the agent starts a top-up of its partner's wallet through `provider` */
    start: async (amount: string, provider: string): Promise<Attempt> => {
      const r = await call('agent', 'POST', '/payments/topups', { amount, provider });
      assert.equal(r.status, 201, JSON.stringify(r.json));
      return r.json as Partial<Attempt> as Attempt;
    },
    stateOf: async (id: string) => (await call('finance', 'GET', `/payments/attempts/${id}`)).json.state,
    balance: async (currency: Currency) =>
      (await findWallet(db, 'partner', W.partnerA, currency))?.balance ?? 0n,
    credits: async (id: string) =>
      (
        await sql<{ n: number }>`select count(*)::int as n from journal_entries
          where ref_type = 'payment_attempt' and ref_id = ${id}`.execute(db)
      ).rows[0]?.n,
    notifications: async (provider: string) =>
      (
        await sql<{ verified: boolean; outcome: string }>`select verified, outcome from payment_notifications
          where provider = ${provider} order by id`.execute(db)
      ).rows,
    invariants: async () => Object.values(await brokenInvariants(db)).flat(),
  };
}

/**
 * The harness for a real provider's adapter: its local fake started on the harness's clock (given our base
 * URL, where the fake posts its notifications), the adapter configured from the environment `env` names —
 * key files and all, as a deployment would be — and the fake closed after the file.
 */
export async function providerHarness<F extends { base: string; close(): Promise<void> }>(
  name: ProviderName,
  startFake: (base: string, clock: FakeClock) => Promise<F>,
  env: (fake: F, base: string) => Record<string, string>,
) {
  let started: F | undefined;
  const h = await topupHarness(async (base, clock) => {
    started = await startFake(base, clock);
    const payments = paymentsFromEnv(env(started, base), clock, { demo: false, notifyBase: () => base });
    assert.ok(payments, `${name} is configured by its environment`);
    return payments;
  });
  const fake = started;
  assert.ok(fake);
  after(() => fake.close());
  const provider = providerOf(h.payments, name);
  assert.ok(provider);
  return { h, fake, provider };
}
