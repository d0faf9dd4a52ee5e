import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { findWallet } from '../wallets';
import { approveOrder } from '.';

// The server decides every value that feeds a price; a client value that disagrees is refused with the
// value the server would use (R14, R15, R16).
describe('orders: the server decides dates that feed a price (R14, R15, R16)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'derived');
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);
  clock.set('2027-05-20T02:00:00Z');
  const held = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.held;

  it('R16 add seats with a client effectiveDate the day before the end is refused, naming today', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'add_seats',
        effectiveDate: '2027-11-18',
        lines: [{ planId: W.edition, seats: 1 }],
      }),
    );
    assert.equal(e.status, 422);
    assert.equal(e.code, 'EFFECTIVE_DATE_MISMATCH');
    assert.equal(e.fields[0]?.field, 'effectiveDate');
    assert.match(e.text.en, /2027-05-20/);
    assert.match(e.fixes[0]?.en ?? '', /2027-05-20/);
    assert.equal(await held(), 0n, 'nothing held');
  });

  it('R16 add seats without a date run from today (Asia/Shanghai) to the end', async () => {
    const placed = await order(P.agentA, {
      orderType: 'add_seats',
      lines: [{ planId: W.archive, seats: 1 }],
    });
    assert.equal(placed.quote.effectiveDate, '2027-05-20');
    assert.deepEqual(
      [placed.quote.lines[0]?.periodStart, placed.quote.lines[0]?.amount],
      ['2027-05-20', 3_680n],
      '1 seat × 73.00 × 184 / 365',
    );
    const same = await order(P.agentA, {
      orderType: 'add_seats',
      effectiveDate: '2027-05-20',
      lines: [{ planId: W.archive, seats: 1 }],
    });
    assert.equal(same.state, 'paid', 'the date the server uses is accepted');
  });

  it('R14 a renewal runs from the current end; another client date is refused naming it', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'renew',
        effectiveDate: '2027-05-20',
        lines: [{ planId: W.edition, duration: { unit: 'year', value: 1 } }],
      }),
    );
    assert.equal(e.code, 'EFFECTIVE_DATE_MISMATCH');
    assert.equal(e.fields[0]?.field, 'effectiveDate');
    assert.match(e.text.zh, /2027-11-20/);
    const placed = await order(P.agentA, {
      orderType: 'renew',
      effectiveDate: '2027-11-20',
      lines: [{ planId: W.edition, duration: { unit: 'year', value: 1 } }],
    });
    assert.equal(placed.quote.lines[0]?.periodStart, '2027-11-20');
  });

  it('R14 a new order cannot be backdated: a past effectiveDate is refused naming today', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'new',
        effectiveDate: '2027-01-01',
        companyId: W.huihuangSub,
        lines: [{ planId: W.edition, seats: 1, duration: { unit: 'year', value: 1 } }],
      }),
    );
    assert.equal(e.code, 'EFFECTIVE_DATE_MISMATCH');
    assert.match(e.fixes[0]?.en ?? '', /2027-05-20/);
  });

  it('R15 co-term only to the external licence end the server knows', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'renew',
        cotermTo: '2030-12-31',
        lines: [{ planId: W.interop }],
      }),
    );
    assert.equal(e.code, 'COTERM_NOT_EXTERNAL_END');
    assert.equal(e.fields[0]?.field, 'cotermTo');
    assert.match(e.text.en, /2027-11-19/);
    assert.match(e.fixes[0]?.en ?? '', /2027-11-19/);
  });

  it('R28 the currency follows the region: a CN customer quoted in USD is refused naming CNY', async () => {
    const e = await refusal(
      order(P.agentA, {
        orderType: 'add_seats',
        currency: 'USD',
        lines: [{ planId: W.edition, seats: 1 }],
      }),
    );
    assert.equal(e.code, 'CURRENCY_MISMATCH');
    assert.equal(e.fields[0]?.field, 'currency');
    assert.match(e.fixes[0]?.en ?? '', /CNY/);
  });
});
