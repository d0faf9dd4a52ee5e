import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { choose, signIn, signOut, skipReason, useConsoleServer, walk } from './harness';

const ID = /\b(?:HH|LY|HD|HZ|HN|JS)-\d{4}\b/g;

/** The device ids the list shows once it settles on `want` (a list refetches after each change). */
async function shows(page: Page, want: string[]): Promise<void> {
  const list = page.getByTestId('devices-list');
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

// Issue #13 (R18, R19, R21 scope): the demo's tech support user scoped to 灵韵华东分公司 sees its devices and
// its store's (杭州), never the parent 灵韵's or the sibling 华南's; switches direct/all; binds a package to every
// POS device in one action; a batch deactivation naming a sibling's id and an unknown one is refused whole,
// naming both, and the valid batch then lands in the deactivated tab; the row button reactivates.
describe('console: devices in the company tree, bind by type, batch deactivation', {
  skip: skipReason,
}, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);
  const EAST = ['HD-1001', 'HD-1002', 'HD-1003', 'HD-1004'];
  const HANGZHOU = ['HZ-2001', 'HZ-2002', 'HZ-2003'];

  step('R21 scoped staff see 华东 and 杭州 devices (all subsidiaries), none of 灵韵 or 华南', async () => {
    await signIn(page, base, 'support-east@kaidan.demo');
    await page.getByTestId('nav').getByText('设备管理').click();
    await shows(page, [...EAST, ...HANGZHOU]);
  });

  step('the direct / all switch: 直属公司 shows 华东 alone, 全部子公司 the tree again', async () => {
    await page.getByTestId('depth-direct').click();
    await shows(page, EAST);
    await page.getByTestId('depth-all').click();
    await shows(page, [...EAST, ...HANGZHOU]);
  });

  step(
    'R18 binds GPS-M to every POS device of the tree in one action; 未绑定 keeps the one left',
    async () => {
      await page.getByTestId('devices-tab-unbound').click();
      await shows(page, ['HD-1004', 'HZ-2001', 'HZ-2002', 'HZ-2003']);
      await page.getByTestId('devices-bind').click();
      await page.getByTestId('bind-type').fill('POS');
      await choose(page, 'bind-package', 'GPS-M');
      await page.getByTestId('bind-form-submit').click();
      await page.getByTestId('devices-notice').filter({ hasText: '已更改 3 台设备' }).waitFor();
      await shows(page, ['HZ-2001']);
    },
  );

  step(
    'R19 a batch with a sibling’s id and an unknown one is refused, naming both; nothing is deactivated',
    async () => {
      await page.getByTestId('devices-tab-deactivated').click();
      await shows(page, ['HZ-2003']);
      await page.getByTestId('devices-batch-deactivate').click();
      await page.getByTestId('batch-ids').fill('HD-1001\nHN-3001, XX-4040');
      await page.getByTestId('batch-form-submit').click();
      const problem = page.getByTestId('batch-form').getByTestId('problem');
      await problem.waitFor();
      const text = (await problem.textContent()) ?? '';
      assert.match(text, /HN-3001/);
      assert.match(text, /XX-4040/);
      assert.match(text, /未做任何更改/);
      await page.getByTestId('batch-ids').fill('HD-1001 HD-1002');
      await page.getByTestId('batch-form-submit').click();
      await page.getByTestId('devices-notice').filter({ hasText: '已处理 2 台' }).waitFor();
      await shows(page, ['HD-1001', 'HD-1002', 'HZ-2003']);
    },
  );

  step('R19 the row button reactivates a device; it leaves the deactivated tab', async () => {
    await page.getByTestId('reactivate-HD-1002').click();
    await shows(page, ['HD-1001', 'HZ-2003']);
  });

  step(
    'R21 直属 needs a company: the unscoped support user picks one first, then sees that company alone',
    async () => {
      await signOut(page);
      await signIn(page, base, 'support@kaidan.demo');
      await page.getByTestId('nav').getByText('设备管理').click();
      const direct = page.locator('.ant-segmented-item', { has: page.getByTestId('depth-direct') });
      await direct.and(page.locator('.ant-segmented-item-disabled')).waitFor();
      await choose(page, 'devices-company', '灵韵华东分公司');
      await direct.and(page.locator(':not(.ant-segmented-item-disabled)')).waitFor();
      await page.getByTestId('depth-direct').click();
      await shows(page, ['HD-1001', 'HD-1002', 'HD-1003', 'HD-1004']);
      assert.equal(await page.getByTestId('problem').count(), 0, 'no refusal on the way');
    },
  );
});
