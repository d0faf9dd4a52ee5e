import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { sheetRows } from '../../server/src/testing/import-fixture';
import { clickUntilPosted } from './desk-kit';
import { signIn, skipReason, useConsoleServer, walk } from './harness';

async function download(page: Page, testId: string): Promise<Uint8Array> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await d.path();
  return new Uint8Array(await readFile(path));
}

// Issue #13 slice 3 (R21) in Chromium as the tech support user scoped to 华东: download the template, fill
// it the way a user does (a date cell, typed text, an unknown id, a sibling company's id, a bad date, a
// past date), upload it, read each bad row's reason in the preview, confirm the valid rows, see the new
// expiries in the list, download the report and read its 错误/Error column; then one device's expiry.
describe('console: Excel expiry import (R21)', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({
    viewport: { width: 1440, height: 960 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
  page.setDefaultTimeout(20_000);
  const step = walk(page);
  const filled = join(tmpdir(), `kaidan-e2e-import-${process.pid}.xlsx`);

  step(
    'R21 the template downloads with its columns and example row; filled with good and bad rows',
    async () => {
      await signIn(page, base, 'support-east@kaidan.demo');
      await page.getByTestId('nav').getByText('设备管理').click();
      await page.getByTestId('devices-import').click();
      const template = await download(page, 'import-template');
      const rows = await sheetRows(template);
      assert.match(String(rows[0]?.[0]), /设备ID/);
      assert.match(String(rows[1]?.[0]), /^# 示例/);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(template.slice().buffer);
      const ws = book.worksheets[0];
      assert.ok(ws);
      const put = (r: number, no: string, expiry: Date | string) => {
        ws.getCell(`A${r}`).value = no;
        ws.getCell(`B${r}`).value = expiry;
      };
      put(3, 'HD-1001', new Date(Date.UTC(2027, 5, 30)));
      put(4, 'HZ-2001', '2027/7/31');
      put(5, 'XX-9999', '2027-07-31');
      put(6, 'HN-3001', '2027-07-31');
      put(7, 'HD-1002', 'soon');
      put(8, 'HD-1003', '2026-01-01');
      await writeFile(filled, new Uint8Array(await book.xlsx.writeBuffer()));
    },
  );

  step('R21 the upload previews every bad row with its reason and changes nothing yet', async () => {
    await page.getByTestId('import-file').setInputFiles(filled);
    await page.getByTestId('import-summary').filter({ hasText: '共 6 行：有效 2 行，错误 4 行' }).waitFor();
    const table = page.getByTestId('import-errors');
    await table.locator('.ant-table-row').nth(3).waitFor();
    const text = (await table.textContent()) ?? '';
    assert.equal(
      text.match(/设备不存在或不在您的管理范围内/g)?.length,
      2,
      'unknown and foreign read the same',
    );
    assert.match(text, /XX-9999/);
    assert.match(text, /HN-3001/);
    assert.match(text, /「soon」无法识别/);
    assert.match(text, /早于今天/);
    assert.equal(
      await page.getByTestId('import-confirm').isDisabled(),
      true,
      'bad rows need the confirmation',
    );
  });

  step('R21 confirming the valid rows applies them; the list shows the new expiries', async () => {
    await page.getByTestId('import-apply-valid').click();
    await page.getByTestId('import-confirm').click();
    await page.getByTestId('import-applied').filter({ hasText: '已更新 2 台设备' }).waitFor();
    const report = await sheetRows(await download(page, 'import-report'));
    assert.match(String(report[0]?.[5]), /错误 Error/);
    const byNo = new Map(report.slice(1).map((r) => [String(r[1]), r]));
    assert.match(String(byNo.get('HN-3001')?.[5]), /不存在或不在您的管理范围内/);
    assert.match(String(byNo.get('HD-1003')?.[5]), /早于今天/);
    assert.equal(byNo.get('HD-1001')?.[4], '已更新 updated');
    await page.getByTestId('import-close').click();
    const list = page.getByTestId('devices-list');
    await list.locator('.ant-table-row', { hasText: 'HD-1001' }).filter({ hasText: '2027-06-30' }).waitFor();
    await list.locator('.ant-table-row', { hasText: 'HZ-2001' }).filter({ hasText: '2027-07-31' }).waitFor();
  });

  step('R21 one device at a time: 改到期日 on the row', async () => {
    await page.getByTestId('expiry-HD-1004').click();
    const date = page.getByTestId('expiry-date');
    // Under load the dialog may set its initial value after the first fill: fill until the date holds.
    for (let i = 0; i < 5 && (await date.inputValue()) !== '2028-01-31'; i++) await date.fill('2028-01-31');
    assert.ok(await clickUntilPosted(page, 'expiry-form-submit', '/expiry'), 'the new expiry was saved');
    await page.getByTestId('devices-notice').filter({ hasText: 'HD-1004' }).waitFor();
    await page
      .getByTestId('devices-list')
      .locator('.ant-table-row', { hasText: 'HD-1004' })
      .filter({ hasText: '2028-01-31' })
      .waitFor();
  });
});
