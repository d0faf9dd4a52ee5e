import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { listNotifications } from '../notifications';
import { findWallet, getWallet, walletLedger } from '../wallets';
import { decideRequest, fileTopup, getRequest } from '.';
import { requestActions } from './request-actions';

// What the console reads from a request, a wallet and the inbox: numbers and names instead of ids
// (issue #10 item 21), and the buttons the caller may use (ADR 0007, R25).
describe('requests, wallets and notifications name what they refer to', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 100_000_000n, 's21');
  const topup = (amount: string) =>
    fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '李艳渠道',
      currency: 'CNY',
      amount,
      bankRef: `BK-${amount}`,
      submit: true,
    });

  it('R25 a returned top-up offers its filer edit, resubmit and withdraw, and no one else anything', async () => {
    const t = await topup('300.00');
    const waiting = (await getRequest(deps, P.agentA, t.id)).request;
    assert.deepEqual(requestActions(waiting, P.agentA), ['withdraw']);
    assert.deepEqual(requestActions(waiting, P.finance), ['approve', 'return', 'decline']);
    assert.deepEqual(requestActions(waiting, P.desk), [], 'not the owning team');
    await decideRequest(deps, P.finance, { id: t.id, verdict: 'return', comment: '银行流水号不对' });
    const returned = await getRequest(deps, P.agentA, t.id);
    assert.deepEqual(requestActions(returned.request, P.agentA), ['edit', 'submit', 'withdraw']);
    assert.deepEqual(requestActions(returned.request, P.finance), []);
    const colleague = { ...P.agentA, userId: 'usr_agent_a2' };
    assert.deepEqual(requestActions(returned.request, colleague), [], 'only the filer');
    assert.deepEqual(
      returned.comments.map((c) => [c.action, c.body]),
      [['return', '银行流水号不对']],
    );
  });

  it('S-21 a top-up names its target, a hold its order, a ledger line and a notification their numbers', async () => {
    const t = await topup('400.00');
    const d = await getRequest(deps, P.finance, t.id);
    assert.equal(d.topup?.wallet_owner_name, '李艳渠道');
    assert.equal(d.topup?.wallet_owner_code, 'P-A');
    await decideRequest(deps, P.finance, { id: t.id, verdict: 'approve', comment: '已到账' });
    const placed = await order(P.agentA, firstYear);
    const wallet = await findWallet(db, 'partner', W.partnerA, 'CNY');
    assert.ok(wallet);
    const { holds } = await getWallet(deps, P.agentA, wallet.id);
    const hold = holds.find((h) => h.ref_id === placed.id);
    assert.equal(hold?.ref_number, placed.number);
    const { lines } = await walletLedger(deps, P.agentA, wallet.id, { limit: 50 });
    assert.equal(lines.find((l) => l.ref_id === t.id)?.ref_number, t.number);
    const byNumber = await walletLedger(deps, P.agentA, wallet.id, { q: t.number, limit: 50 });
    assert.deepEqual(
      byNumber.lines.map((l) => l.ref_id),
      [t.id],
      'the ledger is searched by number too',
    );
    const inbox = await listNotifications(db, P.agentA.userId ?? '', { limit: 50 });
    assert.equal(inbox.find((n) => n.ref_id === t.id)?.ref_number, t.number);
  });
});
