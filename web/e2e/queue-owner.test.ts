import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Page } from 'playwright-core';
import { shot, signIn, signOut, skipReason, useConsoleServer, walk } from './harness';

const FINANCE = 'finance@kaidan.demo'; // 白星
const FINANCE2 = 'finance2@kaidan.demo'; // 财务 周敏
// The seed's pending offline top-up.
const TOPUP = '30,000.00';

const topupRow = (page: Page) =>
  page.getByTestId('request-queue').locator('tr', { hasText: '线下充值' }).filter({ hasText: TOPUP }).first();

async function openTopup(page: Page): Promise<void> {
  await page.getByTestId('nav').getByText('审核队列').click();
  await topupRow(page).click();
  await page.getByTestId('request-holder').waitFor();
}

const holder = async (page: Page) => (await page.getByTestId('request-holder').textContent()) ?? '';
const closeDrawer = (page: Page) => page.locator('.ant-drawer-close').click();

// Issue #3: a named owner for every queue item — claim, a colleague kept from deciding, release, re-claim.
describe('console: finance claims and releases a queue item', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);

  step('finance (白星) claims the pending top-up; the queue names her as its owner', async () => {
    await signIn(page, base, FINANCE);
    await openTopup(page);
    assert.equal(await holder(page), '未认领');
    await page.getByTestId('request-claim').click();
    await page.getByTestId('request-release').waitFor();
    assert.equal(await holder(page), '白星');
    await closeDrawer(page);
    await topupRow(page).getByTestId('queue-holder').filter({ hasText: '白星' }).waitFor();
    await shot(page, 'finance-queue-owner');
    await signOut(page);
  });

  step('finance2 sees it held by 白星 and cannot decide or claim it', async () => {
    await signIn(page, base, FINANCE2);
    await openTopup(page);
    assert.equal(await holder(page), '白星');
    assert.match((await page.getByTestId('request-held').textContent()) ?? '', /白星 已认领/);
    assert.equal(await page.getByTestId('decision-comment').count(), 0, 'no decision box');
    assert.equal(await page.getByTestId('request-claim').count(), 0);
    assert.equal(await page.getByTestId('request-release').count(), 0);
    await closeDrawer(page);
    await signOut(page);
  });

  step('finance releases it', async () => {
    await signIn(page, base, FINANCE);
    await openTopup(page);
    await page.getByTestId('request-release').click();
    await page.getByTestId('request-claim').waitFor();
    assert.equal(await holder(page), '未认领');
    await closeDrawer(page);
    await signOut(page);
  });

  step('finance2 claims it, finds it under 我认领的, and approves it', async () => {
    await signIn(page, base, FINANCE2);
    await openTopup(page);
    await page.getByTestId('request-claim').click();
    await page.getByTestId('request-release').waitFor();
    assert.equal(await holder(page), '财务 周敏');
    await closeDrawer(page);
    await page.getByTestId('filter-mine').click();
    // Search values are plain strings in the URL (router.tsx), so a link can be written by hand.
    await page.waitForURL(/[?&]mine=true(&|$)/);
    await topupRow(page).getByTestId('queue-holder').filter({ hasText: '财务 周敏' }).waitFor();
    assert.equal(
      await page.getByTestId('request-queue').locator('.ant-table-row').count(),
      1,
      'only what I hold',
    );
    await topupRow(page).click();
    await page.getByTestId('decision-comment').fill('银行流水 ICBC-20261120-0093 已到账');
    await page.getByTestId('decide-approve').click();
    await page.getByTestId('decided').waitFor();
    const trail = (await page.locator('.ant-drawer').textContent()) ?? '';
    assert.match(trail, /认领/);
    assert.match(trail, /释放/);
  });
});
