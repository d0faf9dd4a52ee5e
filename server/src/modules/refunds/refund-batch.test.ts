import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { brokenInvariants } from '../../testing/invariant-store';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { componentsOf } from '../entitlements';
import { approveOrder } from '../orders';
import { decideRequest, fileRefund } from '../requests';
import { findWallet } from '../wallets';
import { previewRefund } from '.';

// R32: a partner refunds a list of orders at once (its spreadsheet); a chain of renewals is applied
// latest-first, so the batch succeeds when the whole chain is in it.
describe('refunds: a batch of chained renewals (R32)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 'chain');
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);
  clock.set('2027-01-10T02:00:00Z');
  const renew = () =>
    order(P.agentA, {
      orderType: 'renew',
      lines: [{ planId: W.edition, duration: { unit: 'year', value: 1 } }],
    });
  const r1 = await renew();
  const r2 = await renew();
  const r3 = await renew();
  const edition = async () => (await componentsOf(db, W.huihuang)).find((c) => c.plan_id === W.edition);
  const balance = async () => (await findWallet(db, 'partner', W.partnerA, 'CNY'))?.balance ?? 0n;

  it('R32 a batch missing the latest renewal of the chain is refused, naming the later order', async () => {
    assert.equal((await edition())?.end_date, '2030-11-18');
    const e = await refusal(
      fileRefund(deps, P.agentA, { orderIds: [r1.id, r2.id], mode: 'refund', reason: '客户不续了' }),
    );
    assert.equal(e.code, 'REFUND_LINE_REFUSED');
    assert.match(e.text.zh, new RegExp(`${r2.number}.*先退.*${r3.number}`));
  });

  it('R32 the whole chain, sent earliest-first, is previewed, filed and applied latest-first', async () => {
    const ids = [r1.id, r2.id, r3.id];
    const preview = await previewRefund(deps, P.agentA, { orderIds: ids, mode: 'refund' });
    assert.deepEqual(
      preview.lines.map((l) => [l.order.number, l.verdict.amount]),
      [
        [r3.number, 30n * 36_500n],
        [r2.number, 30n * 36_500n],
        [r1.number, 30n * 36_500n],
      ],
    );
    const before = await balance();
    const req = await fileRefund(deps, P.agentA, { orderIds: ids, mode: 'refund', reason: '客户不续了' });
    assert.equal(req.total, 3n * 30n * 36_500n);
    await decideRequest(deps, P.finance, { id: req.id, verdict: 'approve', comment: '同意返款' });
    assert.equal(await balance(), before + 3n * 30n * 36_500n);
    assert.equal((await edition())?.end_date, '2027-11-19', 'back to the first year’s end');
    assert.deepEqual(Object.values(await brokenInvariants(db)).flat(), []);
  });
});
