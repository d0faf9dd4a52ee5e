import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatAmount, parseAmount } from '@kaidan/shared';
import type { Dashboard } from '@kaidan/shared/contracts/reports';
import type { Locator, Page } from 'playwright-core';
import type { z } from 'zod';
import { formatAmount as display } from '../src/ui/format';
import { shot, signIn, signOut, skipReason, useConsoleServer } from './harness';

type DashboardWire = z.infer<typeof Dashboard>;
const text = async (l: Locator): Promise<string> => ((await l.textContent()) ?? '').trim();
const PASSWORD = 'kaidan-demo';

/** Signs in over the API (no browser) and answers a caller that sends the session cookie. */
async function apiAs(base: string, email: string) {
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  assert.equal(login.status, 200, `sign-in of ${email}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    assert.ok(res.ok, `${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const dashboard = async (): Promise<DashboardWire> => {
    const res = await fetch(`${base}/api/v1/dashboard`, { headers: { cookie } });
    assert.equal(res.status, 200);
    return (await res.json()) as DashboardWire;
  };
  return { post, dashboard };
}

/** The figures the screen must show are the ones the API answers this user. */
const queued = (d: DashboardWire, category: string) =>
  d.waiting.requests.find((q) => q.category === category)?.count ?? 0;
const cny = (d: DashboardWire) => d.moneyByDay.find((s) => s.currency === 'CNY');

async function openDashboard(page: Page): Promise<void> {
  await page.getByTestId('nav').getByText('工作台').click();
  await page.getByTestId('dashboard').waitFor();
}

/** A screenshot without a chart tooltip left open by wherever the mouse last clicked. */
async function still(page: Page, name: string): Promise<void> {
  await page.mouse.move(1, 1);
  await shot(page, name);
}

const count = (page: Page, id: string) => text(page.getByTestId(`waiting-${id}-count`));

/** The chart really drew: an SVG surface inside the container, with at least one bar. */
async function assertChart(container: Locator): Promise<void> {
  await container.locator('svg.recharts-surface').first().waitFor();
  assert.ok((await container.locator('.recharts-bar-rectangle').count()) > 0, 'bars are drawn');
}

// Each role's first screen with its own figures: the demo seed plus one short order the test adds so
// that something of the partner's customers expires within 30 days of the fixed day 2026-11-25.
describe('console: the dashboard per role', { skip: skipReason }, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);

  // 灵韵 gets 企微管家 高级版 for 20 days (2026-11-25 … 2026-12-14): the desk approves it, so it is paid.
  const agentApi = await apiAs(base, 'agent@kaidan.demo');
  const placed = await agentApi.post('/orders', {
    companyId: 'cmp_demo_lingyun',
    productId: 'prd_demo_steward',
    orderType: 'new',
    submit: true,
    lines: [{ planId: 'pln_demo_pro60', seats: 5, duration: { unit: 'day', value: 20 } }],
  });
  const deskApi = await apiAs(base, 'desk@kaidan.demo');
  await deskApi.post(`/orders/${String(placed.id)}/approve`, { reason: '资料齐全' });
  const shortTotal = parseAmount(String((placed.quote as { total: string }).total), 'CNY') ?? 0n;
  // the seed's captures for the partner (辉煌 and 灵韵's CRM) plus the short order above
  const partnerOut = display(formatAmount(1_660_750n + shortTotal, 'CNY'), 'CNY');

  it('the partner sees its requests and orders waiting, its wallet flows and its customers’ expiring components', async () => {
    await signIn(page, base, 'agent@kaidan.demo');
    await page.getByTestId('dashboard').waitFor();
    const d = await agentApi.dashboard();
    // the top-up sales filed for its wallet, the settled-offline return and the transfer
    assert.ok(['topup', 'refund', 'transfer'].every((c) => queued(d, c) >= 1));
    assert.equal(await count(page, 'requests'), String(d.waiting.requests.reduce((n, q) => n + q.count, 0)));
    assert.equal(await count(page, 'orders'), '1', 'the 导购管家 order waits for the desk');
    assert.match(await text(page.getByTestId('waiting-category-transfer')), /客户转移 1/);
    assert.equal(await text(page.getByTestId('money-in-CNY')), '¥100,000.00');
    assert.equal(await text(page.getByTestId('money-out-CNY')), partnerOut);
    await assertChart(page.getByTestId('money-chart-CNY'));
    await assertChart(page.getByTestId('orders-chart'));
    assert.match(await text(page.getByTestId('money-chart-CNY')), /流入.*流出|流出.*流入/s);
    // hovering the day's bar shows that day's money by kind, as the ledger recorded it
    await page.getByTestId('money-chart-CNY').locator('.recharts-bar-rectangle').first().hover();
    const tip = page.locator('.kd-chart-tooltip');
    await tip.waitFor();
    const tipText = await text(tip);
    assert.match(tipText, /^2026-11-25流入: ¥100,000\.00流出: /);
    assert.match(tipText, /充值: ¥100,000\.00/);
    assert.match(tipText, new RegExp(`订单扣款: -${partnerOut.replace(/[$.]/g, '\\$&')}`));
    const row = page.getByTestId('expiring').locator('tr', { hasText: '灵韵（北京）有限公司' });
    assert.match(await text(row), /企微管家 \/ 高级版（60户）.*2026-12-14.*19 天/);
    assert.equal(
      await page.getByTestId('expiring').locator('tr', { hasText: '巨石' }).count(),
      0,
      'another partner’s customer never shows',
    );
    await still(page, 'dashboard-partner');
  });

  it('in en-US the chart legend, axis labels and titles are translated', async () => {
    await page.getByTestId('lang-switch').getByText('EN').click();
    const chart = page.getByTestId('money-chart-CNY');
    await chart.getByText('Money in').first().waitFor();
    const labels = await text(chart);
    assert.match(labels, /Money out/);
    assert.match(labels, /Amount \(CNY\)/);
    assert.match(labels, /Date/);
    assert.doesNotMatch(labels, /流入|流出|金额/);
    assert.match(await text(page.getByTestId('orders-card')), /Orders this month, by state/);
    assert.match(await text(page.getByTestId('expiring')), /19 days/);
    await page.getByTestId('lang-switch').getByText('中文').click();
    await page.getByTestId('money-card').getByText('本月钱包资金（按日）').waitFor();
    await signOut(page);
  });

  it('the order desk sees the pending transfer and the order to review, and reaches its queue', async () => {
    await signIn(page, base, 'desk@kaidan.demo');
    await page.getByTestId('dashboard').waitFor();
    const d = await deskApi.dashboard();
    assert.ok(queued(d, 'transfer') >= 1, 'the seed’s transfer of 巨石 waits for the desk');
    assert.equal(await count(page, 'requests'), String(d.waiting.requestsToDecide));
    assert.match(
      await text(page.getByTestId('waiting-category-transfer')),
      new RegExp(`客户转移 ${queued(d, 'transfer')}`),
    );
    assert.equal(await count(page, 'orders'), '1', 'the partner’s 导购管家 order');
    assert.equal(await count(page, 'overdue'), '0');
    await assertChart(page.getByTestId('orders-chart'));
    await still(page, 'dashboard-desk');
    await page.getByTestId('waiting-orders-link').click();
    await page.getByTestId('request-queue').waitFor();
    assert.match(page.url(), /\/queue$/);
    await signOut(page);
  });

  it('finance sees the pending top-up and refund and every wallet’s money', async () => {
    await signIn(page, base, 'finance@kaidan.demo');
    await page.getByTestId('dashboard').waitFor();
    const d = await (await apiAs(base, 'finance@kaidan.demo')).dashboard();
    assert.ok(queued(d, 'topup') >= 1 && queued(d, 'refund') >= 1, 'the seed’s pending top-up and return');
    assert.equal(await count(page, 'requests'), String(d.waiting.requestsToDecide));
    assert.match(
      await text(page.getByTestId('waiting-category-topup')),
      new RegExp(`线下充值 ${queued(d, 'topup')}`),
    );
    assert.match(
      await text(page.getByTestId('waiting-category-refund')),
      new RegExp(`返款 ${queued(d, 'refund')}`),
    );
    // every wallet: at least both partners' top-ups approved on 2026-11-25 (100,000.00 + 20,000.00)
    const totalIn = cny(d)?.totalIn ?? '0';
    assert.ok((parseAmount(totalIn, 'CNY') ?? 0n) >= 12_000_000n);
    assert.equal(await text(page.getByTestId('money-in-CNY')), display(totalIn, 'CNY'));
    assert.equal(await text(page.getByTestId('money-out-CNY')), display(cny(d)?.totalOut ?? '0', 'CNY'));
    await assertChart(page.getByTestId('money-chart-CNY'));
    await still(page, 'dashboard-finance');
    await signOut(page);
  });

  it('the admin sees both teams’ queues and the orders', async () => {
    await signIn(page, base, 'admin@kaidan.demo');
    await openDashboard(page);
    const d = await (await apiAs(base, 'admin@kaidan.demo')).dashboard();
    assert.deepEqual(
      d.waiting.requests.map((q) => q.category).filter((c) => c === 'topup' || c === 'transfer'),
      ['topup', 'transfer'],
      'both teams’ queues',
    );
    assert.equal(await count(page, 'requests'), String(d.waiting.requestsToDecide));
    assert.equal(await count(page, 'orders'), '1');
    await assertChart(page.getByTestId('money-chart-CNY'));
    await assertChart(page.getByTestId('orders-chart'));
    await still(page, 'dashboard-admin');
    await signOut(page);
  });
});
