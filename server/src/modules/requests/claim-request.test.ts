import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { refusal } from '../../testing/refusal';
import { scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { P, W } from '../../testing/world';
import { listAudit } from '../audit/audit-store';
import { claimRequest, decideRequest, fileTopup, getRequest, listQueue, releaseRequest } from '.';

describe('requests: a named owner for every queue item (issue #3, R11, R40)', async () => {
  const database = await useTestDatabase();
  const { deps } = await scenario(database);
  let n = 0;
  const topup = async () => {
    n += 1;
    const t = await fileTopup(deps, P.sales, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '辉煌有限公司',
      currency: 'CNY',
      amount: '1000.00',
      bankRef: `BK-CLAIM-${n}`,
      submit: true,
    });
    return t.id;
  };
  const holder = async (id: string) => (await getRequest(deps, P.finance, id)).request.claimed_by;

  it('R11 two finance users race to claim one top-up: exactly one wins, the other is told who holds it', async () => {
    const id = await topup();
    const results = await Promise.allSettled([
      claimRequest(deps, P.finance, id),
      claimRequest(deps, P.finance2, id),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    assert.equal(won.length, 1, 'exactly one claim wins');
    const lost = results.find((r) => r.status === 'rejected');
    const winner = await holder(id);
    assert.ok(winner === P.finance.userId || winner === P.finance2.userId);
    const e = await refusal(Promise.reject(lost?.reason));
    assert.equal(e.status, 409);
    assert.equal(e.code, 'REQUEST_CLAIMED');
    assert.match(e.text.zh, new RegExp(winner ?? '-'));
    assert.match(e.text.en, new RegExp(winner ?? '-'));
    const claims = (await listAudit(database.db, 'request', id)).filter((a) => a.action === 'claim');
    assert.equal(claims.length, 1, 'R40 one claim row, by the winner');
    assert.equal(claims[0]?.actor_id, winner);
    // Either may win; the winner lets go so the next cases start with nobody holding anything.
    await releaseRequest(deps, winner === P.finance.userId ? P.finance : P.finance2, id);
    assert.equal(await holder(id), null);
  });

  it('R11 a colleague cannot decide a request another holds; once released they may claim and decide it', async () => {
    const id = await topup();
    await claimRequest(deps, P.finance, id);
    const e = await refusal(
      decideRequest(deps, P.finance2, { id: id, verdict: 'approve', comment: '已到账' }),
    );
    assert.equal(e.status, 409);
    assert.equal(e.code, 'REQUEST_CLAIMED');
    assert.match(e.text.zh, /usr_fin/);
    assert.equal((await getRequest(deps, P.finance, id)).request.state, 'submitted');
    const r = await refusal(releaseRequest(deps, P.finance2, id));
    assert.equal(r.code, 'REQUEST_CLAIMED', 'only the holder releases');

    await releaseRequest(deps, P.finance, id);
    assert.equal(await holder(id), null);
    await claimRequest(deps, P.finance2, id);
    const mine = await listQueue(deps, P.finance2, { claimedBy: P.finance2.userId ?? '', limit: 50 });
    assert.deepEqual(
      mine.map((v) => v.request.id),
      [id],
      'mine lists what I hold',
    );
    assert.equal(mine[0]?.request.claimed_by_name, P.finance2.userId);
    assert.equal(
      (await decideRequest(deps, P.finance2, { id: id, verdict: 'approve', comment: '已到账' })).state,
      'approved',
    );
    const trail = await listAudit(database.db, 'request', id);
    assert.deepEqual(
      trail.filter((a) => !['create', 'submit'].includes(a.action)).map((a) => [a.action, a.actor_id]),
      [
        ['claim', P.finance.userId],
        ['release', P.finance.userId],
        ['claim', P.finance2.userId],
        ['approve', P.finance2.userId],
      ],
      'R40 claim and release are on the trail',
    );
  });

  it('R25 deciding an unclaimed request needs no claim', async () => {
    const id = await topup();
    assert.equal(
      (await decideRequest(deps, P.finance, { id: id, verdict: 'return', comment: '流水号不对' })).state,
      'returned',
    );
    const e = await refusal(claimRequest(deps, P.finance, id));
    assert.equal(e.code, 'REQUEST_NOT_SUBMITTED', 'only a waiting request can be claimed');
  });

  it('R11 an order-desk user cannot claim a finance item', async () => {
    const id = await topup();
    const e = await refusal(claimRequest(deps, P.desk, id));
    assert.equal(e.status, 403);
    assert.equal(await holder(id), null);
  });
});
