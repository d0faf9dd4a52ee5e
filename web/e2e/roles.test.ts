import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { signIn, skipReason, useConsoleServer } from './harness';

// Each demo user sees the screens of its role and no others (issue #3 quality: "the console never shows
// what the user's role and scope forbid"); a forbidden address typed in shows no screen.
const EXPECTED: Record<string, { nav: string[]; forbidden: string }> = {
  'agent@kaidan.demo': {
    nav: [
      '工作台',
      '下单',
      '客户与订阅',
      '我的申请',
      '订单',
      '钱包',
      '返款申请',
      'Webhook',
      '设备管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '充值记录',
    ],
    forbidden: '/catalog',
  },
  'it@huihuang.demo': {
    nav: [
      '工作台',
      '下单',
      '客户与订阅',
      '我的申请',
      '订单',
      '钱包',
      '退款申请',
      '发票',
      '设备管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '充值记录',
      '充值续费',
    ],
    forbidden: '/ledgers',
  },
  'desk@kaidan.demo': {
    nav: [
      '工作台',
      '审核队列',
      '订单',
      '客户公司',
      '设备管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '充值记录',
    ],
    forbidden: '/users',
  },
  'finance@kaidan.demo': {
    nav: [
      '工作台',
      '审核队列',
      '订单',
      '发票',
      '退款执行',
      '钱包流水',
      '设备管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '订单管理',
      '充值记录',
    ],
    forbidden: '/order',
  },
  'sales@kaidan.demo': {
    nav: [
      '工作台',
      '订单',
      '钱包流水',
      '客户公司',
      '设备管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '充值记录',
    ],
    forbidden: '/queue',
  },
  'admin@kaidan.demo': {
    nav: [
      '工作台',
      '审核队列',
      '订单',
      '退款执行',
      '钱包流水',
      '产品目录',
      '渠道伙伴',
      '客户公司',
      '用户与角色',
      'Webhook',
      '营业日历',
      '设备管理',
      '套餐管理',
      '通知',
      '账户配置',
      '账单',
      '订单记录',
      '订单管理',
      '充值记录',
    ],
    forbidden: '/wallet',
  },
};

describe('console: navigation follows the role', { skip: skipReason }, async () => {
  const { base, browser, database } = await useConsoleServer();
  // A fresh browser context per user: no session or cache carries over from the previous one.
  const freshPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  for (const [email, want] of Object.entries(EXPECTED)) {
    it(`${email} sees exactly its role's screens, and ${want.forbidden} is not rendered`, async () => {
      const page = await freshPage();
      await signIn(page, base, email);
      const items = await page.getByTestId('nav').locator('.ant-menu-item').allTextContents();
      assert.deepEqual(items, want.nav);
      await page.goto(`${base}${want.forbidden}`);
      await page.getByTestId('no-access').waitFor();
      assert.match((await page.getByTestId('no-access').textContent()) ?? '', /当前角色无权访问此页面/);
      await page.context().close();
    });
  }

  it('the server refuses what the console hides: a partner reading the user list is answered 403', async () => {
    const page = await freshPage();
    await signIn(page, base, 'agent@kaidan.demo');
    const status = await page.evaluate(async () => (await fetch('/api/v1/users')).status);
    assert.equal(status, 403);
  });

  it('S-6 a suspended partner’s agent signs in and reads, under a banner saying what it cannot do and whom to ask', async () => {
    await sql`update partners set state = 'suspended'
      where id = (select partner_id from users where email = 'agent@kaidan.demo')`.execute(database.db);
    const page = await freshPage();
    await signIn(page, base, 'agent@kaidan.demo');
    const banner = page.getByTestId('suspended-banner');
    await banner.waitFor();
    assert.match((await banner.textContent()) ?? '', /伙伴账户已暂停.*不能提交订单、充值或退款.*渠道经理/);
    await page.getByTestId('nav').getByText('订单', { exact: true }).click();
    await banner.waitFor();
    await page.context().close();
  });
});
