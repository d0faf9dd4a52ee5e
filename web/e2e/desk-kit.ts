// Shared steps and names of the order desk's browser walk (desk.test.ts).
import assert from 'node:assert/strict';
import type { APIRequestContext, Browser, Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/seed/demo-seed';
import { choose } from './harness';

export const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';
export const AGENT = 'agent@kaidan.demo';
export const AGENT2 = 'agent2@kaidan.demo';
export const DESK = 'desk@kaidan.demo';
export const CUSTOMER = 'it@huihuang.demo';
export const FINANCE = 'finance@kaidan.demo';
export const LINGYUN_TENANT = 'ww3f9a0c1d2e4b5a67';
export const LINGYUN_ID = 'cmp_demo_lingyun';
export const TRANSFER_REASON = '客户要求改由上海启程服务';

export const newPage = (browser: Browser) =>
  browser.newPage({ viewport: { width: 1360, height: 860 }, locale: 'zh-CN' }).then((p) => {
    p.setDefaultTimeout(15_000);
    return p;
  });

/** A partner's new 导购管家 order for 辉煌 (new orders wait for the order desk, R3). */
export async function fillGuideOrder(page: Page, seats: number): Promise<void> {
  await page.getByTestId('nav').getByText('下单').click();
  await choose(page, 'order-company', 'wwb0e22cefc85a80d3');
  await choose(page, 'order-product', '导购管家');
  await choose(page, 'line-0-plan', '标准版');
  await page.getByTestId('line-0-seats').fill(String(seats));
  await page.getByTestId('quote-total').waitFor();
}

/**
 * R17: the order desk rejects the customer's orders under review and finance approves its open refund
 * requests, through the API in their own sessions, so the customer may move.
 */
export async function decideInFlight(browser: Browser, base: string, companyId: string): Promise<void> {
  const as = async (email: string) => {
    const ctx = await browser.newContext();
    const login = await ctx.request.post(`${base}/api/v1/auth/login`, {
      data: { email, password: DEMO_PASSWORD },
    });
    assert.equal(login.status(), 200, `sign-in of ${email}`);
    return ctx.request;
  };
  const items = async (r: APIRequestContext, path: string) => {
    const res = await r.get(`${base}/api/v1${path}`);
    assert.equal(res.status(), 200, path);
    return ((await res.json()) as { items: { id: string }[] }).items;
  };
  const post = async (r: APIRequestContext, path: string, data: unknown) =>
    assert.equal((await r.post(`${base}/api/v1${path}`, { data })).status(), 200, path);
  const desk = await as(DESK);
  for (const o of await items(desk, `/orders?companyId=${companyId}&state=submitted`)) {
    await post(desk, `/orders/${o.id}/reject`, { reason: '客户转移前先结清' });
  }
  const finance = await as(FINANCE);
  for (const r of await items(finance, `/requests?companyId=${companyId}&category=refund&state=submitted`)) {
    await post(finance, `/requests/${r.id}/approve`, { comment: '核销邮件已核对' });
  }
}

/** Approves the request open in the queue's drawer with a comment, then closes the drawer. */
export async function approveInDrawer(page: Page, comment: string): Promise<void> {
  await page.getByTestId('decision-comment').fill(comment);
  await page.getByTestId('decide-approve').click();
  await page.getByTestId('decided').waitFor();
  await page.locator('.ant-drawer-close').click();
  await page.locator('.ant-drawer-mask').waitFor({ state: 'detached' });
}

/** Opens the just-placed order from the success message; returns its number. */
export async function openPlaced(page: Page): Promise<string> {
  const placed = page.getByTestId('order-placed');
  await placed.waitFor();
  const number = (await text(placed)).match(/SO[-\d]+/)?.[0];
  assert.ok(number, 'the success message names the order');
  await placed.getByText('详情').click();
  await page.getByTestId('order-detail').waitFor();
  return number;
}

/**
 * Clicks an enabled confirm until its POST (to a URL ending in `path`) leaves, at most three times; the
 * answer's ok, or false when no request left. Under load an antd popover at times loses the first click.
 */
export async function clickUntilPosted(page: Page, testId: string, path: string): Promise<boolean> {
  const confirm = page.locator(`[data-testid=${testId}]:not([disabled])`);
  for (let attempt = 0; attempt < 3; attempt++) {
    const answer = page
      .waitForResponse((r) => r.request().method() === 'POST' && r.url().endsWith(path), { timeout: 8_000 })
      .catch(() => undefined);
    if ((await confirm.count()) === 0) return false;
    await confirm.click();
    const res = await answer;
    if (res) return res.ok();
  }
  return false;
}
