import assert from 'node:assert/strict';
import { describe } from 'node:test';
import { sql } from 'kysely';
import { placeOrder } from '../../server/src/modules/orders';
import { principalOfUser } from '../../server/src/modules/parties';
import { HUIHUANG_TAX_ID } from '../../server/src/testing/invoice-kit';
import { pdfText } from '../../server/src/testing/pdf-inspect';
import { fundCompany } from '../../server/src/testing/world';
import { approveInDrawer, text } from './desk-kit';
import { choose, shot, signIn, signOut, skipReason, useConsoleServer, walk } from './harness';

// Issue #12 fapiao (R29, R30): the customer asks for an invoice of a paid order, finance issues it,
// downloads its PDF (Chinese rendered), and red-letter reverses it; the red invoice shows negative.
describe('console: invoice, PDF and red-letter reversal', { skip: skipReason }, async () => {
  const { base, browser, database, clock } = await useConsoleServer();
  const { db } = database;
  // A paid self-service order of a subsidiary of 辉煌 (in its IT user's scope), paid from its own wallet.
  await sql`insert into companies (id, name_zh, partner_id, parent_id, created_at)
    values ('cmp_e2e_invoice', '辉煌杭州分公司', 'prt_demo_liyan', 'cmp_demo_huihuang', now())`.execute(db);
  await fundCompany(db, clock, 'cmp_e2e_invoice', 10_000_000n, 'e2e-invoice');
  const customer = await principalOfUser(db, { email: 'it@huihuang.demo' }, 'api');
  if (!customer) throw new Error('no demo customer');
  const order = await placeOrder({ database, clock }, customer, {
    companyId: 'cmp_e2e_invoice',
    productId: 'prd_demo_crm',
    orderType: 'new',
    submit: true,
    lines: [{ planId: 'pln_demo_crm_std', seats: 2, duration: { unit: 'year', value: 1 } }],
  });
  assert.equal(order.state, 'paid');
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);
  let refundNo = '';

  step('R29 the customer requests an invoice for its paid order', async () => {
    await signIn(page, base, 'it@huihuang.demo');
    // From the paid order's page: the form opens with the order chosen.
    await page.goto(`${base}/orders/${order.id}`);
    await page.getByTestId('order-request-invoice').click();
    await page.getByTestId('invoice-orders').getByText(order.number).waitFor();
    await page.getByTestId('invoice-tax-id').fill(HUIHUANG_TAX_ID);
    await page.getByTestId('invoice-request-submit').click();
    const drawer = page.getByTestId('invoice-request-drawer');
    await drawer.getByTestId('invoice-request-state').waitFor();
    assert.match((await drawer.textContent()) ?? '', /辉煌杭州分公司/);
    assert.match((await drawer.textContent()) ?? '', /待开票/);
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await signOut(page);
  });

  let number = '';
  step('finance issues it and downloads the PDF with the buyer’s Chinese name', async () => {
    await signIn(page, base, 'finance@kaidan.demo');
    await page.getByTestId('nav').getByText('发票').click();
    await page
      .getByTestId('invoice-requests')
      .locator('.ant-table-row', { hasText: '辉煌杭州分公司' })
      .first()
      .click();
    await page.getByTestId('invoice-issue').click();
    const drawer = page.getByTestId('invoice-drawer');
    number = (await drawer.getByTestId('invoice-number').textContent()) ?? '';
    assert.match(number, /^PP2026\d{8}$/);
    const href = await drawer.getByTestId('invoice-pdf').getAttribute('href');
    assert.ok(href);
    const res = await page.request.get(`${base}${href}`);
    assert.equal(res.headers()['content-type'], 'application/pdf');
    const { text, embedded } = pdfText(await res.body());
    assert.ok(embedded);
    assert.ok(text.includes('辉煌杭州分公司'), 'the PDF draws the buyer’s name');
    assert.ok(text.includes(number));
  });

  step('R30 finance red-letter reverses it in full: a red invoice of the negative amount', async () => {
    const drawer = page.getByTestId('invoice-drawer');
    const total = (await drawer.getByTestId('invoice-total').textContent()) ?? '';
    await drawer.getByTestId('invoice-reverse').click();
    await choose(page, 'reversal-reason', '销货退回');
    await page.getByTestId('reversal-submit').click();
    await page.getByTestId('reversal-dialog').waitFor({ state: 'detached' });
    await drawer.getByTestId('invoice-number').filter({ hasNotText: number }).waitFor();
    const red = (await drawer.getByTestId('invoice-number').textContent()) ?? '';
    assert.match(red, /^HP2026\d{8}$/);
    const redTotal = (await drawer.getByTestId('invoice-total').textContent()) ?? '';
    assert.equal(redTotal.replace(/[^\d.]/g, ''), total.replace(/[^\d.]/g, ''));
    assert.match(redTotal, /-/);
  });

  step(
    'R30 then R33: with the invoice reversed, the customer refunds the order; finance approves; the wallet that paid is credited',
    async () => {
      const invoiceDrawer = page.getByTestId('invoice-drawer');
      await invoiceDrawer.locator('.ant-drawer-close').click();
      await invoiceDrawer.waitFor({ state: 'hidden' });
      // The invoice opened over its request's drawer: close that one too.
      const requestDrawer = page.getByTestId('invoice-request-drawer');
      await requestDrawer.locator('.ant-drawer-close').click();
      await requestDrawer.waitFor({ state: 'hidden' });
      await signOut(page);
      await signIn(page, base, 'it@huihuang.demo');
      await page.getByTestId('nav').getByText('退款申请').click();
      await page.getByTestId('refund-orders').click();
      const offered = page.locator('.ant-select-dropdown:visible .ant-select-item-option', {
        hasText: order.number,
      });
      await offered.first().click();
      await page.keyboard.press('Escape');
      // The policy reads the invoices module: nothing left unreversed, so R30 lets the refund through.
      assert.match(await text(page.getByTestId('refund-policy-summary')), /可以退款/);
      assert.match(await text(page.getByTestId('refund-allocations')), /钱包余额/);
      await page.getByTestId('refund-reason').fill('发票已红冲，申请退款');
      await page.getByTestId('refund-submit').click();
      assert.match(await text(page.getByTestId('refund-filed')), /退款申请 RQ[-\d]+ 已提交/);
      await signOut(page);

      await signIn(page, base, 'finance@kaidan.demo');
      await page.getByTestId('nav').getByText('审核队列').click();
      await page.getByTestId('request-queue').locator('tr', { hasText: '发票已红冲' }).first().click();
      await approveInDrawer(page, '发票已红冲，同意退款');
      await signOut(page);

      await signIn(page, base, 'it@huihuang.demo');
      await page.getByTestId('nav').getByText('我的申请').click();
      await page.getByTestId('request-queue').locator('tr', { hasText: '发票已红冲' }).first().click();
      const back = page.getByTestId('refund-payments');
      await back.locator('[data-state="succeeded"]').waitFor();
      assert.match(await text(back), /钱包余额.*RF[0-9A-Z]{26}.*已到账/);
      const refunded = await sql<{
        refunded: bigint;
      }>`select sum(refunded)::bigint as refunded from order_lines
      where order_id = ${order.id}`.execute(db);
      assert.ok((refunded.rows[0]?.refunded ?? 0n) > 0n, 'the order’s lines record what came back');
      refundNo = (await text(back)).match(/RF[0-9A-Z]{26}/)?.[0] ?? '';
    },
  );

  step(
    'R35 finance follows the refund on 退款执行: its request, channel and arrival; it is no late money',
    async () => {
      await page.goto(base); // leaves the request drawer (its id is in the address)
      await signOut(page);
      await signIn(page, base, 'finance@kaidan.demo');
      await page.getByTestId('nav').getByText('退款执行').click();
      const list = page.getByTestId('refund-payments-list');
      const row = list.locator('.ant-table-row', { hasText: refundNo });
      await row.waitFor();
      assert.match(await text(row), /RQ[-\d]+.*钱包余额.*已到账/);
      await shot(page, 'finance-refund-payments');
      await choose(page, 'filter-late', '迟到付款');
      await list.locator('.ant-table-row', { hasText: refundNo }).waitFor({ state: 'detached' });
      assert.equal(
        await list.locator('[data-testid^="late-"]').count(),
        await list.locator('.ant-table-row').count(),
      );
    },
  );
});
