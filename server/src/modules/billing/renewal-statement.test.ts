import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { useTestDatabase } from '../../testing/test-db';
import { payRenewalFromWallet } from '../renewals';
import { customerOf, renewalWorld } from '../renewals/renewal-kit';
import { BILLING_STEPS, movedTo, putBillingConfig, runBillingDayNow, viewStatements } from '.';

// R46 with the renewals slice's own device orders (R20): a batch renewal paid from the wallet shows on the
// month's statement as the renewal (devices, months, amount) and as the wallet payment, and the balances
// still add up. Billing only reads device_orders.
describe('R46 a statement shows the device renewals paid in its period', async () => {
  const database = await useTestDatabase();
  const w = await renewalWorld(database, '2026-11-10T02:00:00Z');
  const customer = customerOf(w.hangzhou);

  it('R46 renewal line (devices, months, amount) and its wallet payment; opening + movements = closing', async () => {
    await putBillingConfig(w.deps, w.sys, {
      companyId: w.hangzhou,
      billingCycle: 'monthly',
      autoRenew: true,
      notify: false,
      emailLanguage: 'zh-CN',
      emails: [],
    });
    await w.fund(w.hangzhou, 1000n);
    await w.device(w.hangzhou, 'HZ-A', '2026-11-20');
    await w.device(w.hangzhou, 'HZ-B', '2026-11-25');
    const order = await w.place(customer, ['HZ-A', 'HZ-B'], 6);
    const paid = await payRenewalFromWallet(w.deps, customer, order.id);
    assert.equal(paid.state, 'paid');
    w.clock.set('2026-12-02T02:00:00Z');
    await runBillingDayNow(w.deps, w.sys, '2026-12-01', BILLING_STEPS);
    const [s] = await viewStatements(w.deps, customer, {}, { limit: 5 });
    assert.ok(s);
    assert.deepEqual([s.company_id, s.period_start, s.period_end], [w.hangzhou, '2026-11-01', '2026-11-30']);
    const total = (2n * 6n * 1500n).toString();
    const renewal = s.figures.lines.find((l) => l.kind === 'renewal');
    assert.deepEqual(
      [renewal?.reference, renewal?.devices, renewal?.months, renewal?.amount, renewal?.description],
      [order.number, 2, 6, total, 'wallet'],
    );
    const payment = s.figures.lines.find((l) => l.kind === 'payment');
    assert.deepEqual([payment?.reference, payment?.amount], [order.number, total]);
    const [b] = s.figures.balances;
    assert.ok(b);
    assert.deepEqual(
      [b.opening, b.topups, b.payments, b.closing],
      ['0', '100000', total, (100000n - 18000n).toString()],
    );
    assert.equal(movedTo(b), BigInt(b.closing));
  });
});
