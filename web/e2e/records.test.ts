import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { writeDemoRecords } from '../../server/src/modules/records/records-kit';
import { choose, signIn, signOut, skipReason, useConsoleServer, walk } from './harness';

/** The rows' texts once the list settles on `n` rows (a list refetches after each filter change). */
async function rowsOf(page: Page, testId: string, n: number): Promise<string[]> {
  const list = page.getByTestId(testId);
  let last: string[] = [];
  for (let i = 0; i < 100; i++) {
    last = await list.locator('.ant-table-row').allTextContents();
    if ((await list.getAttribute('data-complete')) === 'true' && last.length === n) return last;
    await page.waitForTimeout(100);
  }
  assert.equal(last.length, n, last.join('\n'));
  return last;
}

/** The rows' texts once every row of the settled list satisfies `ok` (the refetch after a filter landed). */
async function rowsWhere(page: Page, testId: string, ok: (row: string) => boolean): Promise<string[]> {
  const list = page.getByTestId(testId);
  let last: string[] = [];
  for (let i = 0; i < 100; i++) {
    last = await list.locator('.ant-table-row').allTextContents();
    if ((await list.getAttribute('data-complete')) === 'true' && last.length > 0 && last.every(ok))
      return last;
    await page.waitForTimeout(100);
  }
  assert.fail(`rows never settled:\n${last.join('\n')}`);
}

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return file.path();
}

// Issue #13 slice 5 (R26, R39, seed 003): the customer's 订单记录 lists its company's orders paid and unpaid,
// filters by state and opens an order's devices, and exports the filtered list; its 充值记录 shows settled and
// pending top-ups; finance's 订单管理 filters the value-added orders and exports them to Excel.
describe('console: order records, top-up records and finance order management', {
  skip: skipReason,
}, async () => {
  const { base, browser, database } = await useConsoleServer();
  await writeDemoRecords(database.db);
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);

  step(
    'R39 订单记录: the customer sees its paid and unpaid orders, filters by state, opens the devices',
    async () => {
      await signIn(page, base, 'it@huihuang.demo');
      await page.getByTestId('nav').getByText('订单记录').click();
      const all = await rowsOf(page, 'device-orders-list', 2);
      assert.ok(
        all.every((r) => r.includes('辉煌有限公司')),
        'only its own company',
      );
      assert.ok(all.some((r) => r.includes('待支付')) && all.some((r) => r.includes('已支付')));
      await choose(page, 'filter-state', '已支付');
      await page.waitForURL(/state=paid/);
      const [paid] = await rowsOf(page, 'device-orders-list', 1);
      assert.match(paid ?? '', /¥420\.00/, 'two devices, 12 months, one with a value-added charge');
      await page.getByTestId('device-orders-list').locator('.ant-table-row-expand-icon').first().click();
      const items = page.locator('[data-testid^="device-order-items-"]');
      await items.getByText('HH-0002').waitFor();
      assert.match((await items.textContent()) ?? '', /HH-0001/);
      const csv = await readFile(await download(page, 'device-orders-list-csv'), 'utf8');
      const lines = csv.trim().split('\r\n').slice(1);
      assert.equal(lines.length, 1, 'the export is the filtered list');
      assert.match(lines[0] ?? '', /,paid,wallet,CNY,12,2,/);
      // The order number opens the order's own screen (its devices; the pay step while it waits).
      await page.getByTestId('device-order-open').first().click();
      await page.waitForURL(/\/renewals\/dor_/);
      await page.getByTestId('renewal-items').getByText('HH-0002').waitFor();
      await page.goBack();
    },
  );

  step(
    'R26 充值记录: settled and pending top-ups, online and offline; the offline filter keeps the transfer',
    async () => {
      await page.getByTestId('nav').getByText('充值记录').click();
      const list = page.getByTestId('topup-records-list');
      await list.getByText('待支付').first().waitFor();
      await list.getByText('已到账').first().waitFor();
      await choose(page, 'filter-channel', '线下充值');
      await page.waitForURL(/channel=offline/);
      const rows = await rowsWhere(page, 'topup-records-list', (r) => r.includes('线下充值'));
      assert.ok(
        rows.some((r) => r.includes('¥2,000.00') && r.includes('已到账')),
        rows.join('\n'),
      );
      await signOut(page);
    },
  );

  step('R39 订单管理: finance filters value-added orders and exports them to Excel', async () => {
    await signIn(page, base, 'finance@kaidan.demo');
    await page.getByTestId('nav').getByText('订单管理').click();
    const list = page.getByTestId('billing-orders-list');
    await list.getByText('延期订单').first().waitFor();
    await list.getByText('充值订单').first().waitFor();
    await choose(page, 'filter-type', '增值订单');
    await page.waitForURL(/type=value_added/);
    const [row] = await rowsOf(page, 'billing-orders-list', 1);
    assert.match(row ?? '', /辉煌有限公司/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(await download(page, 'billing-orders-list-xlsx'));
    const sheet = book.worksheets[0];
    assert.equal(sheet?.rowCount, 2, 'header and the one value-added order');
    assert.equal(String(sheet?.getRow(2).getCell(1).value), 'value_added');
    assert.equal(String(sheet?.getRow(2).getCell(9).value), '60.00', 'the value-added share: 5.00 × 12');
  });
});
