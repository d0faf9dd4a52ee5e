import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileTopup } from '../modules/requests';
import { findWallet } from '../modules/wallets';
import { scenario } from '../testing/scenario';
import { useTestDatabase } from '../testing/test-db';
import { P, W } from '../testing/world';
import { topupsCli } from './topups-cli';

describe('kaidan topups (CLI)', async () => {
  const database = await useTestDatabase();
  const { deps } = await scenario(database);
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await topupsCli(deps, argv, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };

  it('R25 finance lists pending top-ups and approves one; the wallet is credited', async () => {
    const t = await fileTopup(deps, P.sales, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: '辉煌有限公司',
      currency: 'CNY',
      amount: '8000.00',
      bankRef: 'BK-77',
      submit: true,
    });
    const list = await run('list', '--state', 'submitted', '--as', 'usr_fin@example.com');
    assert.equal(list.code, 0);
    assert.match(
      list.out,
      new RegExp(`${t.id}\\t${t.number}\\tsubmitted\\t8000\\.00 CNY\\t辉煌有限公司\\tBK-77`),
    );
    const ok = await run('approve', t.id, '--as', 'usr_fin@example.com', '--comment', '已到账');
    assert.deepEqual(ok, { code: 0, out: `${t.id}\tapproved` });
    assert.equal((await findWallet(database.db, 'partner', W.partnerA, 'CNY'))?.balance, 800_000n);
  });

  it('R25 the CLI explains a refusal in both languages and exits non-zero', async () => {
    const t = await fileTopup(deps, P.sales, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      payer: 'x',
      currency: 'CNY',
      amount: '1.00',
      bankRef: 'B',
      submit: true,
    });
    const noComment = await run('approve', t.id, '--as', 'usr_fin@example.com');
    assert.equal(noComment.code, 1);
    assert.match(noComment.out, /COMMENT_REQUIRED: 审核须填写意见 \/ A decision needs a comment/);
    assert.equal((await run('list', '--as', 'nobody@example.com')).code, 2);
  });
});
