import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BILLING_STEPS, putBillingConfig } from '../modules/billing';
import { registerDevice } from '../modules/devices';
import { FakeClock } from '../platform/clock';
import { systemPrincipal } from '../platform/principal';
import { seedDemo } from '../seed/demo-seed';
import { useTestDatabase } from '../testing/test-db';
import { billingCli } from './billing-cli';

// Issue #13: an operator re-runs a missed day of the daily billing job (R38, R46) and sees what it made.
describe('kaidan billing run (CLI)', async () => {
  const database = await useTestDatabase();
  const deps = { database, clock: new FakeClock('2026-12-02T02:00:00Z') };
  await seedDemo(deps);
  const sys = systemPrincipal('cli');
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await billingCli(deps, BILLING_STEPS, argv, (l) => lines.push(l));
    return { code, out: lines };
  };

  it('prints what each step made, and nothing the second time', async () => {
    await putBillingConfig(deps, sys, {
      companyId: 'cmp_demo_huihuang',
      billingCycle: 'monthly',
      autoRenew: false,
      notify: true,
      emailLanguage: 'zh-CN',
      emails: ['ops@huihuang.example.com'],
    });
    const support = { ...sys, kind: 'staff' as const, roles: ['support' as const] };
    await registerDevice(deps, support, {
      companyId: 'cmp_demo_huihuang',
      deviceNo: 'CLI-30',
      type: 'GPS',
      expiresOn: '2026-12-31',
    });
    const first = await run('run', '--day', '2026-12-01', '--as', 'admin@kaidan.demo');
    assert.equal(first.code, 0);
    // One reminder: CLI-30 (30 days out) at 辉煌; statements for November: 辉煌's and the demo's 灵韵's.
    assert.deepEqual(first.out, [
      '2026-12-01\treminders\treminders=1\temails=1',
      '2026-12-01\tstatements\tstatements=2',
    ]);
    const again = await run('run', '--day', '2026-12-01');
    assert.deepEqual(again.out, [
      '2026-12-01\treminders\treminders=0\temails=0',
      '2026-12-01\tstatements\tstatements=0',
    ]);
  });

  it('refuses a non-admin, a bad day and a future day', async () => {
    assert.equal((await run('run', '--day', '2026-12-01', '--as', 'support@kaidan.demo')).code, 1);
    assert.equal((await run('run', '--day', '2026-13-01')).code, 1);
    assert.match((await run('run', '--day', '2026-12-09')).out.join(''), /future_day|未来/);
    assert.equal((await run('run')).code, 2);
  });
});
