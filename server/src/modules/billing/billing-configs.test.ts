import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import type { Principal } from '../../platform/principal';
import { systemPrincipal } from '../../platform/principal';
import { customerPrincipal as customer, staffPrincipal } from '../../testing/principals';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { createCompany } from '../parties';
import {
  autoRenewCompanies,
  type BillingSettings,
  configureCompanies,
  deleteBillingConfig,
  putBillingConfig,
  viewBillingConfig,
  viewBillingConfigs,
} from '.';

// Issue #13 slice 4 on both engines: R38's billing account configuration, scoped three levels deep.
describe('R38 billing account configuration: CRUD, scope, 配置所选公司', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-12-02T02:00:00Z');
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const co = (nameZh: string, parentId: string | null = null) =>
    createCompany(deps, sys, { nameZh, parentId });
  const root = await co('计费根公司');
  const east = await co('计费华东', root);
  const hangzhou = await co('计费杭州', east);
  const south = await co('计费华南', root);
  const eastSales = staffPrincipal(['sales'], east);
  const settings: BillingSettings = {
    billingCycle: 'monthly',
    autoRenew: true,
    notify: true,
    emailLanguage: 'zh-CN',
    emails: ['Ops@Example.com', ' billing@example.com ', 'ops@example.com'],
  };
  const list = async (p: Principal, w: { companyId?: string; depth?: 'direct' | 'all' } = {}) =>
    (await viewBillingConfigs(deps, p, w, { limit: 50 })).map((r) => r.company_id).sort();

  it('R38 a scoped staff user sees its company and subsidiaries, never the parent or a sibling', async () => {
    assert.deepEqual(await list(eastSales), [east, hangzhou].sort());
    assert.deepEqual(await list(eastSales, { companyId: east, depth: 'direct' }), [east]);
    assert.deepEqual(
      await list(staffPrincipal(['sales'], null), { companyId: root }),
      [root, east, hangzhou, south].sort(),
    );
    for (const id of [root, south]) {
      assert.equal((await refusal(viewBillingConfig(deps, eastSales, id))).status, 404);
      const e = await refusal(putBillingConfig(deps, eastSales, { companyId: id, ...settings }));
      assert.equal(e.status, 404, 'out of scope is indistinguishable from missing');
    }
    assert.equal(
      (await refusal(viewBillingConfigs(deps, eastSales, { companyId: south }, { limit: 5 }))).status,
      404,
    );
  });

  it('R38 create, edit with the version, stale version 409, delete; emails normalised; every change audited', async () => {
    await putBillingConfig(deps, eastSales, { companyId: hangzhou, ...settings });
    const made = await viewBillingConfig(deps, eastSales, hangzhou);
    assert.deepEqual(
      [made.billing_cycle, made.auto_renew, made.notify, made.email_language, made.emails, made.version],
      ['monthly', true, true, 'zh-CN', ['ops@example.com', 'billing@example.com'], 1],
    );
    const noVersion = await refusal(putBillingConfig(deps, eastSales, { companyId: hangzhou, ...settings }));
    assert.equal(noVersion.status, 422);
    const en = { ...settings, emailLanguage: 'en-US' as const, billingCycle: 'quarterly' as const };
    await putBillingConfig(deps, customer(hangzhou), { companyId: hangzhou, ...en, version: 1 });
    const stale = await refusal(
      putBillingConfig(deps, eastSales, { companyId: hangzhou, ...settings, version: 1 }),
    );
    assert.deepEqual([stale.status, stale.code], [409, 'VERSION_CONFLICT']);
    assert.equal((await refusal(deleteBillingConfig(deps, eastSales, hangzhou, 1))).status, 409);
    await deleteBillingConfig(deps, eastSales, hangzhou, 2);
    assert.equal((await viewBillingConfig(deps, eastSales, hangzhou)).billing_cycle, null);
    const trail = await listAudit(database.db, 'billing_config', hangzhou);
    assert.deepEqual(
      trail.map((a) => [a.action, a.actor_kind]),
      [
        ['create', 'staff'],
        ['update', 'customer'],
        ['delete', 'staff'],
      ],
    );
  });

  it('R38 emails are validated one by one; notifications on need an address; readers may not edit', async () => {
    const bad = await refusal(
      putBillingConfig(deps, eastSales, {
        companyId: east,
        ...settings,
        emails: ['ok@example.com', 'not-an-email'],
      }),
    );
    assert.equal(bad.status, 422);
    assert.deepEqual(
      bad.fields.map((f) => [f.field, f.code]),
      [['emails.1', 'email_invalid']],
    );
    const none = await refusal(
      putBillingConfig(deps, eastSales, { companyId: east, ...settings, emails: [] }),
    );
    assert.deepEqual(
      none.fields.map((f) => f.field),
      ['emails'],
    );
    assert.ok(none.fixes.length > 0);
    await putBillingConfig(deps, eastSales, { companyId: east, ...settings, notify: false, emails: [] });
    const finance = await refusal(
      putBillingConfig(deps, staffPrincipal(['finance'], null), { companyId: south, ...settings }),
    );
    assert.equal(finance.status, 403);
    const otherCustomer = await refusal(
      putBillingConfig(deps, customer(hangzhou), { companyId: east, ...settings }),
    );
    assert.equal(otherCustomer.status, 404, 'a subsidiary does not configure its parent');
  });

  it('R38 配置所选公司 is all or nothing and names every company out of scope', async () => {
    const e = await refusal(
      configureCompanies(deps, eastSales, { companyIds: [east, hangzhou, south, 'cmp_nope'], settings }),
    );
    assert.deepEqual([e.status, e.code], [422, 'COMPANIES_NOT_FOUND']);
    assert.deepEqual(e.details.companyIds, [south, 'cmp_nope']);
    assert.equal((await viewBillingConfig(deps, eastSales, hangzhou)).billing_cycle, null, 'nothing applied');
    const r = await configureCompanies(deps, eastSales, { companyIds: [east, hangzhou], settings });
    assert.deepEqual(r, { created: 1, updated: 1, unchanged: 0 });
    const again = await configureCompanies(deps, eastSales, { companyIds: [east, hangzhou], settings });
    assert.deepEqual(
      again,
      { created: 0, updated: 0, unchanged: 2 },
      'the same settings again change nothing',
    );
    const rows = await viewBillingConfigs(
      deps,
      eastSales,
      { companyId: east },
      { limit: 10, configured: true },
    );
    assert.deepEqual(
      rows.map((x) => [x.company_id, x.emails, x.version]).sort(),
      [
        [east, ['ops@example.com', 'billing@example.com'], 2],
        [hangzhou, ['ops@example.com', 'billing@example.com'], 1],
      ].sort(),
    );
    const trail = await listAudit(database.db, 'billing_config', hangzhou);
    assert.deepEqual(trail.at(-1)?.reason, 'batch');
    assert.deepEqual(
      (await autoRenewCompanies(database.db)).map((c) => c.companyId),
      [east, hangzhou].sort(),
      'for the auto-renew step',
    );
  });
});
