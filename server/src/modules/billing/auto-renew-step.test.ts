import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql, useTestDatabase } from '../../testing/test-db';
import { viewDevice } from '../devices';
import { renewalWorld } from '../renewals/renewal-kit';
import { autoRenewStep, BILLING_STEPS, putBillingConfig, runBillingDayNow } from '.';

// R38 自动续费 in the daily job: companies with auto-renew on renew their devices expiring within 7 days
// by one billing cycle from their wallet; a short balance is emailed once; re-running the day changes nothing.
describe('R38 the daily job renews from the wallet before expiry where auto-renew is on', async () => {
  const database = await useTestDatabase();
  const w = await renewalWorld(database);
  const config = (companyId: string, autoRenew: boolean) =>
    putBillingConfig(w.deps, w.sys, {
      companyId,
      billingCycle: 'quarterly',
      autoRenew,
      notify: true,
      emailLanguage: 'en-US',
      emails: ['ops@example.test'],
    });
  await config(w.east, true);
  await config(w.south, true);
  await config(w.hangzhou, false);
  await w.fund(w.east, 1_000n);
  await w.device(w.east, 'E-SOON', '2026-12-06');
  await w.device(w.south, 'S-SOON', '2026-12-04');
  await w.device(w.hangzhou, 'H-SOON', '2026-12-05');
  const steps = [autoRenewStep, ...BILLING_STEPS];
  const expiry = async (no: string) => (await viewDevice(w.deps, w.sys, w.ids[no] ?? '')).expires_on;
  const refusedEmails = async () =>
    (
      await sql<{ n: number }>`select count(*)::int as n from billing_emails
        where company_id = ${w.south} and kind = 'auto_renew_refused'`.execute(database.db)
    ).rows[0]?.n;

  it('R38 renews by the cycle (quarterly: 3 months) where on, not where off; a short balance is emailed', async () => {
    const r = await runBillingDayNow(w.deps, w.sys, '2026-12-02', steps);
    assert.deepEqual(r.steps[0], { step: 'autoRenew', created: { renewed: 1, orders: 1, refused: 1 } });
    assert.equal(await expiry('E-SOON'), '2027-03-06');
    assert.equal(await expiry('H-SOON'), '2026-12-05', 'auto-renew off');
    assert.equal(await expiry('S-SOON'), '2026-12-04', 'balance short: nothing renewed');
    assert.equal(await refusedEmails(), 1);
  });

  it('R38 re-running the day renews nothing twice and emails the refusal once', async () => {
    const r = await runBillingDayNow(w.deps, w.sys, '2026-12-02', steps);
    assert.deepEqual(r.steps[0]?.created, { renewed: 0, orders: 0, refused: 1 });
    assert.equal(await expiry('E-SOON'), '2027-03-06');
    assert.equal(await refusedEmails(), 1);
  });
});
