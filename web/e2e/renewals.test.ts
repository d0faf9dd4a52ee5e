import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import {
  bindRenewalPackage,
  createPackage,
  createPackageClass,
  registerDevice,
} from '../../server/src/modules/devices';
import { createCompany, createUser } from '../../server/src/modules/parties';
import { systemPrincipal } from '../../server/src/platform/principal';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-seed';
import { fundCompany } from '../../server/src/testing/world';
import { newPage, text } from './desk-kit';
import { shot, signIn, skipReason, useConsoleServer, walk } from './harness';

const EMAIL = 'it@renew.e2e';
const ID = /\bRN-\d{4}\b/g;

/** The device ids the renewals list shows once it settles on `want` (it refetches after each change). */
async function shows(page: Page, want: string[]): Promise<void> {
  const list = page.getByTestId('renewals-list');
  let last: string[] = [];
  for (let i = 0; i < 100; i++) {
    const rows = await list.locator('.ant-table-row').allTextContents();
    last = [...new Set(rows.join(' ').match(ID) ?? [])].sort();
    if ((await list.getAttribute('data-complete')) === 'true' && last.join() === [...want].sort().join())
      return;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(last, [...want].sort());
}

const row = (page: Page, testId: string, deviceNo: string) =>
  page.getByTestId(testId).locator('.ant-table-row', { hasText: deviceNo });

/**
 * 确认下单, as a person would: on a loaded machine the modal's first click is sometimes lost (no request
 * leaves), so it clicks again only when nothing was sent — never twice for one order.
 */
async function placeOrder(page: Page): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const sent = page
      .waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/api/v1/device-orders'), {
        timeout: 5_000,
      })
      .catch(() => undefined);
    await page.getByTestId('renewals-place').click();
    const request = await sent;
    if (request) return (await request.response())?.ok() ?? false;
  }
  return false;
}

// Issue #13, R20 (seed 003 充值续费): a customer of a two-level company tree with a funded wallet sees its
// expired and expiring devices (not one that runs for months yet), chooses two, 12 months, confirms the
// quote a second time (each device's current and new expiry — max(expiry, today) + 12 months — and the
// total), pays the order with the sandbox's QR code and sees the new expiries; then renews one device
// from its row for 6 months and pays from the balance at once.
describe('console: 充值续费 — batch renewal, second confirmation, sandbox and balance', {
  skip: skipReason,
}, async () => {
  const { base, browser, database, clock } = await useConsoleServer({ sandbox: true });
  // The server's business day is 2026-11-25 (the harness's fixed clock); the console's "expiring within
  // 30 days" counts from the browser's, so the browser runs on the same day.
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const root = await createCompany(deps, sys, { nameZh: '续费测试集团', parentId: null });
  const store = await createCompany(deps, sys, { nameZh: '续费测试门店', parentId: root });
  await createUser(deps, {
    email: EMAIL,
    name: '续费 IT',
    roles: ['customer'],
    companyId: root,
    password: DEMO_PASSWORD,
  });
  const cls = await createPackageClass(deps, sys, {
    level: 'category',
    code: 'RN-SVC',
    nameZh: '续费服务',
    type: 'renewal',
    parentId: null,
  });
  const sub = await createPackageClass(deps, sys, {
    level: 'subcategory',
    code: 'RN-LOC',
    nameZh: '定位',
    type: 'renewal',
    parentId: cls.id,
  });
  const gps = await createPackage(deps, sys, {
    code: 'RN-GPS',
    nameZh: 'GPS 月费',
    categoryId: cls.id,
    subcategoryId: sub.id,
    amount: '15.00',
    currency: 'CNY',
    pricingMethod: 'per_device_month',
  });
  const devices: [string, string, string][] = [
    [root, 'RN-0001', '2026-11-15'], // expired ten days ago
    [store, 'RN-0002', '2026-12-05'], // expires in ten days, in the subsidiary
    [root, 'RN-0003', '2026-12-15'], // expires in twenty days
    [root, 'RN-0004', '2027-06-01'], // runs for months: not in the list
  ];
  const ids: string[] = [];
  for (const [companyId, deviceNo, expiresOn] of devices)
    ids.push(await registerDevice(deps, sys, { companyId, deviceNo, type: 'GPS', expiresOn }));
  await bindRenewalPackage(deps, sys, { packageId: gps, deviceIds: ids });
  // expiring but without a renewal package: listed, and its renewal is refused naming it
  await registerDevice(deps, sys, {
    companyId: root,
    deviceNo: 'RN-0005',
    type: 'GPS',
    expiresOn: '2026-12-01',
  });
  await fundCompany(database.db, clock, root, 1_000_00n, 'renewals-e2e');

  const page = await newPage(browser);
  await page.clock.setFixedTime(new Date(clock.now().epochMilliseconds));
  const step = walk(page);

  step(
    'R20 the customer sees its tree’s expired and expiring devices; 仅已到期 narrows to the expired',
    async () => {
      await signIn(page, base, EMAIL);
      await page.getByTestId('nav').getByText('充值续费').click();
      await shows(page, ['RN-0001', 'RN-0002', 'RN-0003', 'RN-0005']);
      await page.getByTestId('window-expired').click();
      await shows(page, ['RN-0001']);
      await page.getByTestId('depth-direct').click();
      await shows(page, ['RN-0001']);
      await page.getByTestId('window-expiring').click();
      await shows(page, ['RN-0001', 'RN-0003', 'RN-0005']);
      await page.getByTestId('depth-all').click();
      await page.getByTestId('renewals-refresh').click();
      await shows(page, ['RN-0001', 'RN-0002', 'RN-0003', 'RN-0005']);
    },
  );

  step(
    'R20 两台设备 12 个月: the second confirmation shows each current and new expiry and the total',
    async () => {
      await row(page, 'renewals-list', 'RN-0001').locator('.ant-checkbox-input').check();
      await row(page, 'renewals-list', 'RN-0002').locator('.ant-checkbox-input').check();
      await page.getByText('12 个月').click();
      await page.getByTestId('renewals-renew').click();
      const confirm = page.getByTestId('renewals-confirm');
      await confirm.waitFor();
      assert.match(await text(page.getByTestId('confirm-summary')), /共 2 台设备，续费 12 个月/);
      // 2 devices × 12 months × 15.00
      assert.match(await text(page.getByTestId('confirm-total')), /360\.00[\s\S]*CNY/);
      // expired: from today (2026-11-25); expiring: from its own expiry
      assert.match(await text(row(page, 'confirm-devices', 'RN-0001')), /2026-11-15[\s\S]*2027-11-25/);
      assert.match(await text(row(page, 'confirm-devices', 'RN-0002')), /2026-12-05[\s\S]*2027-12-05/);
      await shot(page, 'renewals');
    },
  );

  step(
    'R20 R29 确认下单 places the order; the sandbox QR code pays it and the devices are extended',
    async () => {
      assert.ok(await placeOrder(page), 'the order is placed');
      await page.getByTestId('renewal-order-due').waitFor();
      assert.match(await text(page.getByTestId('renewal-order-state')), /待付款/);
      assert.match(await text(page.getByTestId('renewal-order-total')), /360\.00/);
      assert.match(await text(page.getByTestId('renewal-order-due')), /请在 .+ 前付款/);
      const methods = page.getByTestId('renewal-pay-method');
      assert.match(await text(methods), /余额[\s\S]*沙箱/);
      await methods.getByText('沙箱（模拟微信支付）').click();
      await page.getByTestId('renewal-pay-start').click();
      await page.getByTestId('pay-qr').waitFor();
      // R29: nothing extended before the provider says paid
      assert.equal(await row(page, 'renewal-items', 'RN-0001').getByText('2027-11-25').count(), 0);
      await page.getByTestId('pay-sandbox').click();
      await page.getByTestId('renewal-paid').waitFor();
      assert.match(await text(page.getByTestId('renewal-order-state')), /已支付/);
      await row(page, 'renewal-items', 'RN-0001').getByText('2027-11-25').waitFor();
      await row(page, 'renewal-items', 'RN-0002').getByText('2027-12-05').waitFor();
    },
  );

  step(
    'R20 the renewed devices leave the list; one row renewed for 6 months is paid by balance at once',
    async () => {
      await page.getByTestId('nav').getByText('充值续费').click();
      await shows(page, ['RN-0003', 'RN-0005']);
      await page.getByText('6 个月').click();
      await page.getByTestId('renew-RN-0003').click();
      await page.getByTestId('renewals-confirm').waitFor();
      assert.match(await text(page.getByTestId('confirm-summary')), /共 1 台设备，续费 6 个月/);
      assert.match(await text(page.getByTestId('confirm-total')), /90\.00/);
      assert.match(await text(row(page, 'confirm-devices', 'RN-0003')), /2026-12-15[\s\S]*2027-06-15/);
      assert.ok(await placeOrder(page), 'the order is placed');
      await page.getByTestId('renewal-pay-method').getByText('余额').click();
      await page.getByTestId('renewal-pay-start').click();
      await page.getByTestId('renewal-paid').waitFor();
      await row(page, 'renewal-items', 'RN-0003').getByText('2027-06-15').waitFor();
      await page.getByTestId('nav').getByText('充值续费').click();
      await shows(page, ['RN-0005']);
    },
  );

  step('R20 a device without a renewal package is refused, naming it; no order is placed', async () => {
    await page.getByTestId('renew-RN-0005').click();
    const problem = page.getByTestId('problem');
    await problem.waitFor();
    assert.match(await text(problem), /未绑定续费套餐[\s\S]*RN-0005/);
    assert.equal(await page.getByTestId('renewals-confirm').count(), 0);
  });
});
