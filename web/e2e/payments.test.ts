import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signIn, skipReason, useConsoleServer } from './harness';

// Issue #12, R25 online: an agent tops up its partner wallet online through the sandbox — QR code, "pay in
// sandbox", the signed notification settles it — and sees it in the online top-up list.
describe('console: online top-up through the payments sandbox', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer({ sandbox: true });
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);

  it('R25 an agent tops up online: QR code, pay in sandbox, paid, listed', async () => {
    await signIn(page, base, 'agent@kaidan.demo');
    await page.getByTestId('nav').getByText('钱包').click();
    await page.getByTestId('online-amount').fill('66.00');
    await page.getByTestId('online-start').click();
    await page.getByTestId('pay-qr').waitFor();
    await page.getByTestId('pay-sandbox').click();
    await page.getByTestId('pay-done').waitFor();
    await page.locator('.ant-modal-close').click();
    const row = page.getByTestId('online-topup-list').locator('.ant-table-row', { hasText: '66.00' }).first();
    await row.waitFor();
    assert.match((await row.textContent()) ?? '', /已支付/);
  });
});
