import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { makeUser, signIn } from '../../testing/auth-factory';
import { payOrderThroughSandbox, refundSandbox } from '../../testing/order-payment-kit';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fundCompany, P, W } from '../../testing/world';
import { decideRequest } from '../requests';

// The refunds API as the console uses it: the policy preview of a draft (R33 verdicts with rule and fix,
// R35 allocation) and the request detail's per-channel execution.
describe('refunds over HTTP: preview verdicts and per-channel detail (R33, R35)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const sandbox = refundSandbox(clock);
  const app = createApp({ database, clock, payments: sandbox.payments });
  await fundCompany(database.db, clock, W.huihuang, 1_000_000n, 'http-refunds');
  await fundCompany(database.db, clock, W.huihuangSub, 1_000_000n, 'http-refunds-sub');
  const customer = await makeUser(database, clock, { roles: ['customer'], companyId: W.huihuang });
  // Sessions expire on the clock this test moves by days: sign in at each moment the test calls.
  let cookie = '';
  const login = async () => {
    cookie = await signIn(app, customer.email, customer.password);
  };
  const call = async (method: string, path: string, body?: unknown) => {
    const res = await app.request(`/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'content-type': 'application/json',
        'idempotency-key': randomBytes(8).toString('hex'),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };
  type Policy = {
    fileable: boolean;
    orders: {
      refusals: { rule: string; code: string; fixes: unknown[] }[];
      allocations: { channel: string }[];
    }[];
    lines: { refundable: string; refusals: unknown[] }[];
  };

  it('R33/R35 the preview answers verdicts, not errors: day 7 fileable with its channels, day 8 refused with the rule and fix', async () => {
    const o = await order(P.customer, {
      orderType: 'new',
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    await payOrderThroughSandbox(database.db, clock, sandbox, { id: o.id, company_id: W.huihuang }, [
      6_000n,
      4_000n,
    ]);
    clock.set('2026-11-27T15:59:00Z');
    await login();
    const open = await call('POST', '/refunds/preview', { orderIds: [o.id], mode: 'refund' });
    assert.equal(open.status, 200);
    const policy = open.json.policy as Policy;
    assert.equal(policy.fileable, true);
    assert.deepEqual(
      policy.orders[0]?.allocations.map((a) => a.channel),
      ['sandbox', 'sandbox'],
    );
    const filed = await call('POST', '/refunds', { orderIds: [o.id], mode: 'refund', reason: '买错了' });
    assert.equal(filed.status, 201);
    await decideRequest(deps, P.finance, { id: String(filed.json.id), verdict: 'approve', comment: '同意' });
    const detail = await call('GET', `/requests/${String(filed.json.id)}`);
    assert.equal(detail.status, 200);
    const rows = detail.json.refundPayments as {
      channel: string;
      state: string;
      refundNo: string;
      arrivedAt: null;
    }[];
    assert.deepEqual(
      rows.map((r) => [r.channel, r.state, r.arrivedAt]),
      [
        ['sandbox', 'pending', null],
        ['sandbox', 'pending', null],
      ],
      'approved; the job has not sent it yet',
    );
    assert.ok(rows.every((r) => /^RF[0-9A-Z]{26}$/.test(r.refundNo)));

    clock.set(PAID_AT);
    const late = await order(P.customer, {
      orderType: 'new',
      productId: W.otherProduct,
      companyId: W.huihuangSub,
      lines: [{ planId: W.otherPlan, seats: 1, duration: { unit: 'year', value: 1 } }],
    });
    clock.set('2026-11-27T16:00:00Z');
    await login();
    const closed = await call('POST', '/refunds/preview', { orderIds: [late.id], mode: 'refund' });
    assert.equal(closed.status, 200);
    const refused = closed.json.policy as Policy;
    assert.equal(refused.fileable, false);
    assert.equal(refused.orders[0]?.refusals[0]?.rule, 'R33');
    assert.equal(refused.orders[0]?.refusals[0]?.code, 'SELF_SERVICE_REFUND_EXPIRED');
    assert.equal(refused.orders[0]?.refusals[0]?.fixes.length, 1);
    assert.ok(refused.lines.every((l) => l.refundable === '0.00'));
  });
});

const PAID_AT = '2026-11-20T02:00:00Z';
