import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { choose, signIn, signOut, skipReason, useConsoleServer } from './harness';

const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';
const AGENT = 'agent@kaidan.demo';
const FINANCE = 'finance@kaidan.demo';
// Internal ids a person must never have to read (issue #10 item 21).
const INTERNAL_ID = /\b(ord|prt|cmp|req|usr)_[0-9a-z_]+/;

const newPage = (browser: Browser) =>
  browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' }).then((p) => {
    p.setDefaultTimeout(15_000);
    return p;
  });

/** Opens the first row of the staff queue (every state) that contains `hasText`. */
async function openQueued(page: Page, hasText: string): Promise<void> {
  await page.getByTestId('nav').getByText('审核队列').click();
  await page.getByTestId('request-queue').locator('tr', { hasText }).first().click();
  await page.locator('.ant-drawer-body').waitFor();
}

async function closeDrawer(page: Page): Promise<void> {
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
}

// Issue #10, console correctness: the request drawer, a returned request's way back (R25), numbers and
// names instead of ids, and required fields with errors that leave once the field is filled.
describe('console: requests and references read as people read them', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await newPage(browser);

  it('S-19 the drawer opened after a decision shows the next request as it is, not the last verdict', async () => {
    await signIn(page, base, FINANCE);
    await openQueued(page, '30,000.00');
    await page.getByTestId('decision-comment').fill('银行流水 ICBC-20261120-0093 已到账');
    await page.getByTestId('decide-approve').click();
    await page.getByTestId('decided').waitFor();
    await closeDrawer(page);
    await openQueued(page, '节前下单');
    await page.getByTestId('decision').waitFor();
    assert.equal(await page.getByTestId('decided').count(), 0, 'no verdict on an undecided request');
    assert.match(await text(page.locator('.ant-drawer-body')), /待审核/);
    await closeDrawer(page);
    await signOut(page);
  });

  it('R25 a returned top-up: its filer reads the reason in words, edits the amount and resubmits in place', async () => {
    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('钱包').click();
    await page.getByTestId('topup-payer').fill('渠道对公账户');
    await page.getByTestId('topup-amount').fill('800.00');
    await page.getByTestId('topup-bankref').fill('ICBC-20261125-0800');
    await page.getByTestId('topup-submit').click();
    await page.getByTestId('topup-filed').waitFor();
    await signOut(page);

    await signIn(page, base, FINANCE);
    await openQueued(page, '800.00');
    await page.getByTestId('decision-comment').fill('金额与流水不符');
    await page.getByTestId('decide-return').click();
    await page.getByTestId('decided').waitFor();
    await closeDrawer(page);
    // Finance sees the returned request but none of the filer's buttons.
    await page.goto(`${base}/queue?state=returned`);
    await page.getByTestId('request-queue').locator('tr', { hasText: '800.00' }).first().click();
    await page.getByTestId('request-comments').waitFor();
    assert.equal(await page.getByTestId('request-edit').count(), 0);
    assert.equal(await page.getByTestId('request-resubmit').count(), 0);
    await closeDrawer(page);
    await signOut(page);

    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('钱包').click();
    await page.getByTestId('topup-list').locator('.ant-table-row', { hasText: '800.00' }).first().click();
    const comments = page.getByTestId('request-comments');
    await comments.waitFor();
    assert.match(await text(comments), /退回修改：金额与流水不符/);
    assert.doesNotMatch(await text(comments), /return/);
    await page.getByTestId('request-withdraw').waitFor();
    await page.getByTestId('request-edit').click();
    await page.getByTestId('topup-edit-amount').fill('8000.00');
    await page.getByTestId('topup-edit-submit').click();
    await page.locator('.ant-drawer-body').getByText('¥8,000.00').waitFor();
    await page.getByTestId('request-resubmit').click();
    await page.locator('.ant-drawer-body .ant-tag', { hasText: '待审核' }).waitFor();
    assert.equal(await page.getByTestId('request-edit').count(), 0, 'submitted: no longer editable');
    await closeDrawer(page);
    // The same buttons in 我的申请.
    await page.getByTestId('nav').getByText('我的申请').click();
    await page.getByTestId('request-queue').locator('tr', { hasText: '8,000.00' }).first().click();
    await page.getByTestId('request-withdraw').waitFor();
    await closeDrawer(page);
  });

  it('S-21 holds, ledger lines, notifications and top-up targets name numbers and names, linked', async () => {
    await page.getByTestId('nav').getByText('钱包').click();
    const holds = page.getByTestId('wallet-holds');
    await holds.getByRole('link', { name: /^SO-/ }).first().waitFor();
    assert.doesNotMatch(await text(holds), INTERNAL_ID);
    const ledger = page.getByTestId('wallet-ledger');
    await ledger.getByRole('link', { name: /^RQ-/ }).first().waitFor();
    await ledger.getByRole('link', { name: /^SO-/ }).first().waitFor();
    assert.doesNotMatch(await text(ledger), INTERNAL_ID);
    const order = await text(holds.getByRole('link', { name: /^SO-/ }).first());
    await holds.getByRole('link', { name: order }).click();
    await page.getByTestId('order-detail').waitFor();
    assert.match(await text(page.getByTestId('order-detail')), new RegExp(order));

    await page.getByTestId('nav').getByText('通知').click();
    const inbox = page.getByTestId('notifications');
    const returned = inbox.getByRole('link', { name: /^RQ-/ }).first();
    await returned.waitFor();
    assert.doesNotMatch(await text(inbox), INTERNAL_ID);
    await returned.click();
    await page.getByTestId('request-comments').waitFor();
    await closeDrawer(page);
    await signOut(page);

    await signIn(page, base, FINANCE);
    await openQueued(page, '8,000.00');
    const drawer = page.locator('.ant-drawer-body');
    await drawer.getByText('北京云帆科技（渠道）').first().waitFor();
    assert.doesNotMatch(await text(drawer.locator('.ant-descriptions').first()), INTERNAL_ID);
    await closeDrawer(page);
  });

  it('S-22 a decision comment and a refund reason are marked required; a server error leaves once filled', async () => {
    await openQueued(page, '8,000.00');
    const comment = page.locator('.ant-form-item', { has: page.getByTestId('decision-comment') });
    await comment.locator('.ant-form-item-required').waitFor();
    await page.getByTestId('decide-approve').click();
    await comment.locator('[data-field-error=comment]').waitFor();
    await page.getByTestId('decision-comment').fill('已核对');
    await comment.locator('[data-field-error=comment]').waitFor({ state: 'detached' });
    await closeDrawer(page);
    await signOut(page);

    await signIn(page, base, AGENT);
    await page.getByTestId('nav').getByText('返款申请').click();
    await choose(page, 'refund-orders', '辉煌有限公司');
    await page.keyboard.press('Escape');
    await page.getByTestId('refund-total').waitFor();
    const reason = page.locator('.ant-form-item', { has: page.getByTestId('refund-reason') });
    await reason.locator('.ant-form-item-required').waitFor();
    await page.getByTestId('refund-submit').click();
    await reason.locator('[data-field-error=reason]').waitFor();
    await page.getByTestId('refund-reason').fill('客户取消');
    await reason.locator('[data-field-error=reason]').waitFor({ state: 'detached' });
    await signOut(page);
  });
});
