import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CUSTOMER, newPage, text } from './desk-kit';
import { choose, signIn, skipReason, useConsoleServer } from './harness';

// Issue #12, R28 R29: a customer places a self-service order, chooses the payments sandbox, sees the
// order approved and awaiting payment with its QR code, pays with the sandbox's button (the signed
// notification settles it), and sees the order paid and the renewed entitlement.
describe('console: paying an order through the payments sandbox', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer({ sandbox: true });
  const page = await newPage(browser);

  it('R29 the customer renews self-service, pays by the sandbox QR code, and only then gets the entitlement', async () => {
    await signIn(page, base, CUSTOMER);
    await page.getByTestId('nav').getByText('下单').click();
    await page.getByTestId('order-company').getByText('辉煌有限公司').waitFor();
    await choose(page, 'order-product', '企微管家');
    await page.getByTestId('order-type').getByText('续期').click();
    await choose(page, 'line-0-plan', '会话存档');
    await page.getByTestId('quote-total').waitFor();
    const end = /~ (\d{4}-\d{2}-\d{2})/.exec(await text(page.getByTestId('quote')))?.[1] ?? '';
    assert.ok(end, 'the quote shows the new end date');
    // R28: the server offers the wallet, the CNY providers configured (the sandbox) and a transfer.
    const methods = page.getByTestId('order-method');
    assert.match(await text(methods), /钱包余额[\s\S]*沙箱[\s\S]*银行转账/);
    await methods.getByText('沙箱（模拟微信支付）').click();
    await page.getByTestId('order-submit').click();
    await page.getByTestId('order-placed').getByText('已批准').waitFor();
    assert.match(await text(page.getByTestId('order-awaiting')), /待付款，请在 .+ 前付款/);

    await page.getByTestId('order-pay-method').getByText('沙箱（模拟微信支付）').click();
    await page.getByTestId('order-pay-start').click();
    await page.getByTestId('pay-qr').waitFor();
    // R29: nothing granted yet — the subscription still ends where it did.
    await page.getByTestId('pay-sandbox').click();
    await page.getByTestId('order-paid').waitFor();

    await page.getByTestId('order-placed').getByText('详情').click();
    await page.getByTestId('order-state').getByText('已支付').waitFor();
    assert.match(await text(page.getByTestId('order-method-shown')), /沙箱/);
    await page.getByTestId('nav').getByText('客户与订阅').click();
    const archive = page.getByTestId('components-cmp_demo_huihuang').locator('tr', { hasText: '会话存档' });
    await archive.getByText(end).waitFor();
  });
});
