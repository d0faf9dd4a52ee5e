import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { after, describe, it } from 'node:test';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { chromium, type Page } from 'playwright-core';
import { createApp } from '../../server/src/app';
import { serveConsole } from '../../server/src/http/console';
import { FakeClock } from '../../server/src/platform/clock';
import { seedDemo } from '../../server/src/seed/demo-seed';
import { useTestDatabase } from '../../server/src/testing/test-db';
import { ensureConsoleBuilt } from './build-console';
import { CHROMIUM, choose, shot, signIn, signOut, skipReason } from './harness';

const ORDERS = 10_000;

/** The harness's server, with 10,000 more orders in the demo database before it starts. */
async function useServerWithManyOrders() {
  const dist = await ensureConsoleBuilt();
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  await sql`insert into orders (id, number, channel, order_type, partner_id, company_id, product_id, currency,
      total, effective_date, state, created_at, submitted_at)
    select 'ord_bulk' || lpad(i::text, 6, '0'), 'SOB' || lpad(i::text, 7, '0'), 'partner',
      (array['new', 'renew', 'add_seats'])[i / 7 % 3 + 1], c.partner_id, c.id, 'prd_demo_steward',
      case when i % 10 = 0 then 'USD' else 'CNY' end, (i * 7919 % 100000) * 100, '2026-11-25',
      (array['submitted', 'paid', 'rejected'])[i % 3 + 1],
      timestamptz '2026-01-01 09:00+08' + (i % 320) * interval '1 day' + (i % 7) * interval '1 hour',
      timestamptz '2026-01-01 09:00+08' + (i % 320) * interval '1 day'
    from generate_series(1, ${ORDERS}) i
    join companies c on c.id = (array['cmp_demo_huihuang', 'cmp_demo_lingyun', 'cmp_demo_jushi'])[i % 3 + 1]`.execute(
    database.db,
  );
  const app = createApp({ database, clock });
  serveConsole(app, dist);
  const server = await new Promise<ReturnType<typeof serve>>((ok) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => ok(s));
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  after(async () => {
    await browser.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  });
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, browser };
}

const list = (page: Page) => page.getByTestId('orders-list');
/** Every row of a list through the API, with the signed-in page's session. */
async function apiRows(
  page: Page,
  base: string,
  query: string,
): Promise<{ total: string; number: string }[]> {
  const rows: { total: string; number: string }[] = [];
  let after = '';
  do {
    const res = await page.request.get(
      `${base}/api/v1/orders?${query}&limit=200${after && `&after=${after}`}`,
    );
    const body = (await res.json()) as {
      items: { total: string; number: string }[];
      nextCursor: string | null;
    };
    rows.push(...body.items);
    after = body.nextCursor ? encodeURIComponent(body.nextCursor) : '';
  } while (after);
  return rows;
}
const loaded = async (page: Page) => Number(await list(page).getAttribute('data-loaded'));
const domRows = (page: Page) => list(page).locator('.ant-table-row').count();
/** The shown totals of the first rows, in minor units (the symbol and grouping stripped). */
const firstTotals = async (page: Page, n: number) => {
  const texts = await list(page).locator('.ant-table-row .kd-money').allTextContents();
  return texts.slice(0, n).map((s) => BigInt(s.replace(/[^\d]/g, '')));
};

async function scrollToEnd(page: Page) {
  for (let i = 0; i < 200; i++) {
    if ((await list(page).getAttribute('data-complete')) === 'true') return;
    await list(page).locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().hover();
    await page.mouse.wheel(0, 4000);
    await page.waitForTimeout(60);
  }
  throw new Error('the list never finished loading');
}

describe('console lists: 10,000 orders stay fast, sort, filter in the URL, export', {
  skip: skipReason,
}, async () => {
  const { base, browser } = await useServerWithManyOrders();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(20_000);

  it('the order desk opens the list: far fewer DOM rows than orders, more load on scroll', async () => {
    await signIn(page, base, 'desk@kaidan.demo');
    await page.getByTestId('nav').getByText('订单', { exact: true }).click();
    await list(page).locator('.ant-table-row').first().waitFor();
    const first = await loaded(page);
    assert.ok(first >= 100 && first < ORDERS, `first pages: ${first}`);
    for (let i = 0; i < 30 && (await loaded(page)) < first + 300; i++) {
      await list(page).locator('.ant-table-tbody-virtual-holder').hover();
      await page.mouse.wheel(0, 3000);
      await page.waitForTimeout(80);
    }
    const more = await loaded(page);
    assert.ok(more >= first + 300, `scrolling loaded more: ${first} → ${more}`);
    const rows = await domRows(page);
    assert.ok(rows > 5 && rows < 80, `${rows} rows in the DOM for ${more} loaded`);
  });

  it('sorting by amount asks the server and shows the largest totals first', async () => {
    await list(page).locator('th', { hasText: '合计' }).click();
    await page.waitForURL(/sort=-amount/);
    const res = await page.request.get(`${base}/api/v1/orders?sort=-amount&limit=1`);
    const top = ((await res.json()) as { items: { total: string }[] }).items[0]?.total ?? '';
    const topCents = BigInt(top.replace(/[^\d]/g, ''));
    for (let i = 0; i < 100 && (await firstTotals(page, 1))[0] !== topCents; i++)
      await page.waitForTimeout(100);
    const totals = await firstTotals(page, 12);
    assert.ok(totals.length >= 10);
    for (let i = 1; i < totals.length; i++)
      assert.ok((totals[i - 1] ?? 0n) >= (totals[i] ?? 0n), String(totals));
  });

  it('a filter goes into the URL, survives a reload, and the CSV export holds the same rows', async () => {
    await choose(page, 'filter-currency', 'USD');
    await choose(page, 'filter-state', '已支付');
    await page.waitForURL(/currency=USD/);
    await page.waitForURL(/state=paid/);
    await page.reload();
    await list(page).locator('.ant-table-row').first().waitFor();
    assert.match(page.url(), /currency=USD/);
    assert.match((await list(page).locator('.ant-table-row').first().textContent()) ?? '', /\$/);
    assert.match((await page.getByTestId('filter-currency').textContent()) ?? '', /USD/);
    await shot(page, 'desk-orders');
    const expected = (await apiRows(page, base, 'currency=USD&state=paid')).length;
    assert.ok(expected > 300, `${expected} paid USD orders`);
    await scrollToEnd(page);
    assert.equal(await loaded(page), expected);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('orders-list-csv').click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.trim().split('\r\n').slice(1);
    assert.equal(lines.length, expected, 'the export is the filtered list');
    assert.ok(lines.every((l) => /,paid,/.test(l) && /,USD,/.test(l)));
    await signOut(page);
  });

  it('finance picks any partner’s wallet and reads its ledger lines', async () => {
    await signIn(page, base, 'finance@kaidan.demo');
    await page.getByTestId('nav').getByText('钱包流水').click();
    await page.getByTestId('wallet-ledger').waitFor();
    await choose(page, 'ledger-wallet', '北京云帆');
    await page.waitForURL(/wallet=/);
    await page.getByTestId('wallet-ledger').locator('.ant-table-row').first().waitFor();
    await shot(page, 'finance-ledgers');
    await signOut(page);
  });

  it('the partner’s “my requests” lists what it filed, in every state', async () => {
    await signIn(page, base, 'agent@kaidan.demo');
    await page.getByTestId('nav').getByText('我的申请').click();
    const rows = page.getByTestId('request-queue').locator('tr.ant-table-row');
    await rows.first().waitFor();
    assert.ok((await rows.count()) >= 2);
    await shot(page, 'partner-requests');
  });
});
