import assert from 'node:assert/strict';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { choose, shot, signIn, signOut, skipReason, useConsoleServer, walk } from './harness';

const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';
const AGENT = 'agent@kaidan.demo';
const DESK = 'desk@kaidan.demo';
const FINANCE = 'finance@kaidan.demo';

/** Partner renewal of the archive add-on (会话存档) of 辉煌有限公司, which has 30 active seats. */
async function renewArchive(page: Page, seats: number): Promise<void> {
  await page.getByTestId('nav').getByText('下单').click();
  await choose(page, 'order-company', 'wwb0e22cefc85a80d3');
  await choose(page, 'order-product', '企微管家');
  await page.getByTestId('order-type').getByText('续期').click();
  await choose(page, 'line-0-plan', '会话存档');
  await page.getByTestId('line-0-seats').fill(String(seats));
}

async function decideRequest(
  page: Page,
  category: string,
  hasText: string,
  comment: string,
  screenshot?: string,
) {
  await page.getByTestId('nav').getByText('审核队列').click();
  await page
    .getByTestId('request-queue')
    .locator('tr', { hasText: category })
    .filter({ hasText })
    .first()
    .click();
  await page.getByTestId('decision-comment').fill(comment);
  if (screenshot) await shot(page, screenshot);
  await page.getByTestId('decide-approve').click();
  await page.getByTestId('decided').waitFor();
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
}

// The seed-000 loop through the browser: R13 refusal with both fixes → seat reduction → desk approval →
// renewal of 20 → finance approves the pending top-up → refund (返款) → finance approves → wallet credit.
describe('console: partner, order desk and finance walk the core loop', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);

  step('signs the partner in and shows its scope', async () => {
    await signIn(page, base, AGENT);
    assert.match(await text(page.getByTestId('scope')), /北京云帆科技/);
    const missing = await fetch(`${base}/api/v1/no-such-endpoint`);
    assert.equal(missing.status, 404, 'unknown API paths stay problem+json, not the console');
    assert.equal(((await missing.json()) as { code: string }).code, 'NOT_FOUND');
  });

  step('R13: refuses a 20-seat renewal of 30 archive seats, next to the seats, with both fixes', async () => {
    await renewArchive(page, 20);
    const problem = page.locator('[data-testid=problem][data-code=RENEWAL_SEATS_MISMATCH]');
    await problem.waitFor();
    const refusal = await text(problem);
    assert.match(refusal, /按当前 30 人续期/);
    assert.match(refusal, /先提交减少人数申请（减到 20 人），订单组批准后再续 20 人/);
    assert.match(await text(page.locator('[data-field-error="lines.0.seats"]')), /当前为 30 人/);
    await shot(page, 'partner-order-r13');
    await page.getByTestId('lang-switch').getByText('EN').click();
    await page.getByText('Renew all 30 seats').waitFor();
    await shot(page, 'partner-order-r13-en');
    await page.getByTestId('lang-switch').getByText('中文').click();
  });

  step('files a seat reduction to 20 from the customer’s components', async () => {
    await page.getByTestId('nav').getByText('客户与订阅').click();
    await page.getByTestId('customers').getByText('辉煌有限公司').click();
    await page.getByTestId('reduce-archive').click();
    await page.getByTestId('reduce-seats').fill('20');
    await page.getByTestId('reduce-reason').fill('客户只续 20 人会话存档');
    await page.getByTestId('reduce-submit').click();
    await page.getByTestId('reduction-filed').waitFor();
    await shot(page, 'partner-customers');
    await signOut(page);
  });

  step('the order desk approves the reduction from its queue', async () => {
    await signIn(page, base, DESK);
    await page.getByTestId('nav').getByText('审核队列').click();
    await page.getByTestId('request-queue').waitFor();
    await shot(page, 'desk-queue');
    await decideRequest(page, '减少人数', '20', '核对无误，减到 20 人');
    await page.locator('a', { hasText: /^SO/ }).first().click();
    await page.getByTestId('audit-trail').waitFor();
    await shot(page, 'desk-order-detail');
    await signOut(page);
  });

  step('the partner renews 20 seats with a live price and service period', async () => {
    await signIn(page, base, AGENT);
    await renewArchive(page, 20);
    await page.getByTestId('quote-total').waitFor();
    assert.match(await text(page.getByTestId('quote')), /2027-11-25 ~ 2028-11-23/);
    await shot(page, 'partner-order');
    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-placed').waitFor();
    assert.match(await text(page.getByTestId('order-placed')), /已支付/);
    await signOut(page);
  });

  step('finance approves the pending offline top-up', async () => {
    await signIn(page, base, FINANCE);
    await page.getByTestId('nav').getByText('审核队列').click();
    await page.getByTestId('request-queue').waitFor();
    await shot(page, 'finance-queue');
    await decideRequest(
      page,
      '线下充值',
      '30,000.00',
      '银行流水 ICBC-20261120-0093 已到账',
      'finance-topup-review',
    );
    await signOut(page);
  });

  let refundTotal = '';
  step('the partner asks for a refund and sees the refundable amount per line', async () => {
    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('返款申请').click();
    await choose(page, 'refund-orders', '辉煌有限公司');
    await page.keyboard.press('Escape');
    await page.getByTestId('refund-total').waitFor();
    refundTotal = await text(page.getByTestId('refund-total'));
    assert.notEqual(refundTotal, '¥0.00');
    await page.getByTestId('refund-reason').fill('客户取消续期，申请返款');
    await shot(page, 'partner-refund');
    await page.getByTestId('refund-submit').click();
    await page.getByTestId('refund-filed').waitFor();
    await signOut(page);
  });

  step('finance approves the refund', async () => {
    await signIn(page, base, FINANCE);
    await decideRequest(page, '返款', '客户取消续期', '核对无误，返款到渠道钱包', 'finance-refund-review');
    await signOut(page);
  });

  step('the partner wallet shows the top-up and the refund credit', async () => {
    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('钱包').click();
    const ledger = page.getByTestId('wallet-ledger');
    // A reload of a client-side route is answered with index.html (serveConsole's SPA fallback).
    await page.reload();
    await ledger.waitFor();
    await ledger.getByText(refundTotal).first().waitFor();
    await ledger.getByText('¥30,000.00').first().waitFor();
    await shot(page, 'partner-wallet');
    // R25: a malformed amount is refused next to the amount field, in the user's language.
    await page.getByTestId('topup-payer').fill('渠道对公账户');
    await page.getByTestId('topup-amount').fill('12.345');
    await page.getByTestId('topup-bankref').fill('ICBC-20261125-0101');
    await page.getByTestId('topup-submit').click();
    await page.locator('[data-field-error=amount]').waitFor();
    await page.getByTestId('topup-amount').fill('5000.00');
    await page.getByTestId('topup-submit').click();
    await page.getByTestId('topup-filed').waitFor();
    await page.getByTestId('nav').getByText('通知').click();
    await page.getByTestId('notifications').waitFor();
    await shot(page, 'partner-notifications');
  });
});
