import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder, getOrder, recordContractArrival } from '../orders';
import { decideRequest, fileSeatReduction } from '../requests';
import { componentsOf, periodsOf, recordExternalEnd } from '.';

describe('entitlements through orders (R12–R16)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  const comp = async (planId: string) => {
    const c = (await componentsOf(db, W.huihuang)).find((x) => x.plan_id === planId);
    assert.ok(c, `component ${planId}`);
    return c;
  };
  await fund(db, clock, W.partnerA, 10_000_000n, 'ent');
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);

  it('R13 renewal of 20 archive seats while 30 are active is refused with the reason and both fixes', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'renew',
        lines: [{ planId: W.archive, seats: 20, duration: { unit: 'day', value: 365 } }],
      }),
    );
    assert.equal(e.code, 'RENEWAL_SEATS_MISMATCH');
    assert.equal(e.fields[0]?.field, 'lines.0.seats');
    assert.match(e.text.zh, /当前为 30 人.*不能续 20 人/);
    assert.equal(e.fixes.length, 2);
    assert.match(e.fixes[0]?.en ?? '', /Renew all 30 seats/);
    assert.match(e.fixes[1]?.en ?? '', /seat reduction to 20.*renew 20/);
  });

  it('R13 renewal without seats keeps 30; R14 two years = 730 days from the current end, no gap or overlap', async () => {
    const placed = await order(P.agentA, {
      orderType: 'renew',
      lines: [{ planId: W.archive, duration: { unit: 'day', value: 730 } }],
    });
    assert.equal(placed.state, 'paid', 'R3: partner renewals are not reviewed');
    const line = placed.quote.lines[0];
    assert.deepEqual(
      [line?.seats, line?.periodStart, line?.periodEnd, line?.days],
      [30, '2027-11-20', '2029-11-18', 730],
    );
    const periods = await periodsOf(db, (await comp(W.archive)).id);
    assert.deepEqual(
      periods.map((p) => [p.start_date, p.end_date]),
      [
        ['2026-11-20', '2027-11-19'],
        ['2027-11-20', '2029-11-18'],
      ],
    );
    assert.equal((await comp(W.archive)).end_date, '2029-11-18');
  });

  it('R13 second fix: a seat reduction approved by the order desk, then renew 20', async () => {
    const archive = await comp(W.archive);
    const req = await fileSeatReduction(deps, P.agentA, {
      companyId: W.huihuang,
      componentId: archive.id,
      seats: 20,
      reason: '实际只用 20 人',
    });
    await decideRequest(deps, P.desk, { id: req.id, verdict: 'approve', comment: '已减到 20 人' });
    assert.equal((await comp(W.archive)).seats, 20);
    const placed = await order(P.agentA, {
      orderType: 'renew',
      lines: [{ planId: W.archive, seats: 20, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(placed.quote.lines[0]?.periodStart, '2029-11-19');
    assert.equal((await comp(W.interop)).seats, 20, 'R12: the interop licence keeps its own 20 seats');
  });

  it('R16 added seats run to the current end, priced pro rata', async () => {
    clock.set('2027-05-20T02:00:00Z');
    const placed = await order(P.agentA, {
      orderType: 'add_seats',
      lines: [{ planId: W.interop, seats: 5 }],
    });
    const line = placed.quote.lines[0];
    assert.deepEqual([line?.periodStart, line?.periodEnd, line?.days], ['2027-05-20', '2027-11-19', 184]);
    assert.equal(line?.amount, 9_200n, '5 seats × 36.50 × 184 / 365 = 92.00');
    assert.equal((await comp(W.interop)).seats, 25);
  });

  it('R15 co-term: the quote shows the recorded external end and the renewal can end on it', async () => {
    await recordExternalEnd(deps, P.agentA, (await comp(W.edition)).id, '2028-03-31');
    const placed = await order(P.agentA, {
      orderType: 'renew',
      cotermTo: '2028-03-31',
      lines: [{ planId: W.edition }],
    });
    assert.equal(placed.quote.externalEnd, '2028-03-31');
    const line = placed.quote.lines[0];
    assert.deepEqual([line?.periodStart, line?.periodEnd, line?.days], ['2027-11-20', '2028-03-31', 133]);
  });

  it('R16 adding seats to an expired component is refused with the fix', async () => {
    clock.set('2027-12-01T02:00:00Z');
    const e = await refusal(
      order(P.agentA, { orderType: 'add_seats', lines: [{ planId: W.interop, seats: 1 }] }),
    );
    assert.equal(e.code, 'ADD_SEATS_NEEDS_ACTIVE');
    assert.match(e.fixes[0]?.zh ?? '', /先续期/);
  });

  it('R14 an expired component renews from the order’s effective date', async () => {
    const placed = await order(P.agentA, {
      orderType: 'renew',
      lines: [{ planId: W.interop, duration: { unit: 'month', value: 1 } }],
    });
    assert.deepEqual(
      [placed.quote.lines[0]?.periodStart, placed.quote.lines[0]?.periodEnd],
      ['2027-12-01', '2027-12-30'],
    );
  });

  it('R3 a renewal waiting for review is approved when its contract arrives', async () => {
    const crm = {
      productId: W.otherProduct,
      lines: [{ planId: W.otherPlan, seats: 3, duration: { unit: 'year' as const, value: 1 } }],
    };
    const bought = await order(P.agentA, { orderType: 'new', ...crm });
    await approveOrder(deps, P.desk, bought.id);
    const renewal = await order(P.agentA, { orderType: 'renew', ...crm });
    assert.equal(renewal.state, 'submitted', 'no policy row: manual review');
    assert.equal(await recordContractArrival(deps, P.desk, renewal.id), 'paid');
    const detail = await getOrder(deps, P.desk, renewal.id);
    assert.equal(detail.trail.find((a) => a.action === 'auto_approve')?.reason, 'R3: contract arrived');
  });
});
