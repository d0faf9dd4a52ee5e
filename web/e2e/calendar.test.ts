import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { choose, signIn, skipReason, useConsoleServer, walk } from './harness';

/** Waits until `l`'s text matches `re` (a list refetches after a save, so the first read may be stale). */
async function waitText(page: Page, l: Locator, re: RegExp): Promise<string> {
  let last = '';
  // By the clock, not by tries: on a loaded machine a save and its refetch can take many seconds.
  for (const end = Date.now() + 30_000; Date.now() < end; ) {
    last = (await l.count()) > 0 ? ((await l.first().textContent()) ?? '') : '';
    if (re.test(last)) return last;
    await page.waitForTimeout(100);
  }
  return assert.fail(`expected ${re} in: "${last}"`);
}

// R34 (issue #12): the admin keeps the business calendar's overrides; a year the official calendar does not
// cover yet says so; a refused save shows its field error in place.
describe('console: R34 the admin overrides business-calendar days', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);
  const list = page.getByTestId('calendar-list');

  step('R34 opens 营业日历 on the server year (2026), covered and without overrides', async () => {
    await signIn(page, base, 'admin@kaidan.demo');
    await page.getByTestId('nav').getByText('营业日历').click();
    await waitText(page, page.getByTestId('calendar-year'), /2026/);
    await waitText(page, list, /本年没有调整/);
    assert.equal(await page.getByTestId('calendar-uncovered').count(), 0);
  });

  step('R34 2027 is not covered yet: the screen says its deadlines are provisional', async () => {
    await choose(page, 'calendar-year', '2027');
    await waitText(page, page.getByTestId('calendar-uncovered'), /2027 年的法定节假日安排尚未收录/);
  });

  step('R34 an empty note is refused under its field; then 2027-01-01 is declared a holiday', async () => {
    await page.getByTestId('calendar-add').click();
    await page.getByTestId('calendar-day').fill('2027-01-01');
    await page.getByTestId('calendar-form-submit').click();
    await waitText(page, page.locator('.ant-form-item-explain-error'), /.+/);
    await page.getByTestId('calendar-note').fill('2027 元旦');
    await page.getByTestId('calendar-form-submit').click();
    const row = await waitText(page, list.locator('.ant-table-row'), /2027-01-01/);
    assert.match(row, /休息日/);
    assert.match(row, /2027 元旦/);
    assert.match(row, /管理员/);
  });

  step('R34 removing the override empties the year again', async () => {
    await page.getByTestId('calendar-remove-2027-01-01').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await waitText(page, list, /本年没有调整/);
  });
});
