import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describe } from 'node:test';
import type { Locator, Page } from 'playwright-core';
import { choose, shot, signIn, skipReason, useConsoleServer, walk } from './harness';

const text = async (l: Locator): Promise<string> => (await l.textContent()) ?? '';
const ADMIN = 'admin@kaidan.demo';
const NEW_USER = 'e2e.sales@kaidan.demo';

/** Waits until `l`'s text matches `re` (lists refetch after a save, so the first read may be stale). */
async function waitText(page: Page, l: Locator, re: RegExp): Promise<string> {
  const deadline = Date.now() + 10_000;
  let last = '';
  while (Date.now() < deadline) {
    last = (await l.count()) > 0 ? await text(l.first()) : '';
    if (re.test(last)) return last;
    await page.waitForTimeout(100);
  }
  const problems = await page.getByTestId('problem').allTextContents();
  const fieldErrors = await page.locator('.ant-form-item-explain-error').allTextContents();
  assert.fail(
    `expected ${re} in: "${last}"; problems on screen: ${JSON.stringify(problems)}, field errors: ${JSON.stringify(fieldErrors)}`,
  );
}

/** The rows' texts once they hold `names` in this order (a new sort refetches, so poll). */
async function waitRows(page: Page, list: Locator, names: string[]): Promise<string[]> {
  let shown: string[] = [];
  for (let i = 0; i < 100; i++) {
    shown = await list.locator('.ant-table-row').allTextContents();
    if (shown.length === names.length && names.every((n, j) => shown[j]?.includes(n))) return shown;
    await page.waitForTimeout(100);
  }
  assert.fail(`expected rows ${names.join(' | ')}; shown: ${shown.join(' | ')}`);
}

// The admin's day in zh-CN: a product with a plan and a price, a review-policy cell flipped, a partner, a
// company refused for its tenant id (R6, next to the field) then saved, and a user created then disabled.
describe('console: the admin keeps catalog, partners, companies and users', {
  skip: skipReason,
}, async () => {
  const { base, browser } = await useConsoleServer();
  const page = await browser.newPage({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN' });
  page.setDefaultTimeout(15_000);
  const step = walk(page);

  step('signs the admin in; the catalog lists the seeded products', async () => {
    await signIn(page, base, ADMIN);
    await page.getByTestId('nav').getByText('产品目录').click();
    await waitText(page, page.getByTestId('product-list'), /企微管家/);
  });

  step('creates a product and opens its detail', async () => {
    await page.getByTestId('product-new').click();
    await page.getByTestId('product-code').fill('meeting-notes');
    await page.getByTestId('product-nameZh').fill('会议纪要助手');
    await page.getByTestId('product-nameEn').fill('Meeting Notes');
    await page.getByTestId('product-form-submit').click();
    await waitText(page, page.getByTestId('product-title'), /会议纪要助手/);
    assert.match(await text(page.getByTestId('plans-base')), /暂无套餐/);
  });

  step('creates a plan; it shows as on sale and unpriced', async () => {
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-code').fill('std');
    await page.getByTestId('plan-nameZh').fill('标准版');
    await page.getByTestId('plan-form-submit').click();
    const row = page.getByTestId('plans-base').getByTestId('plan-std');
    const shown = await waitText(page, row, /标准版/);
    assert.match(shown, /未定价/);
    assert.match(shown, /在售/);
    assert.match(shown, /每席位每年/);
  });

  step('sets a price: a malformed amount is refused next to it, then the tier shows', async () => {
    await page.getByTestId('plan-prices-std').click();
    await page.getByTestId('price-0-amount').fill('199.999');
    await page.getByTestId('prices-form-submit').click();
    await waitText(page, page.locator('[data-field-error="prices.0.amount"]'), /金额无效：「199\.999」/);
    await page.getByTestId('price-0-amount').fill('199.00');
    await page.getByTestId('prices-form-submit').click();
    await waitText(page, page.getByTestId('prices-std'), /1 席起\s*¥199\.00/);
  });

  step('R8: an add-on whose sales window has ended is marked off sale, with the rule explained', async () => {
    await page.getByTestId('plan-new').click();
    await page.getByTestId('plan-code').fill('legacy-archive');
    await page.getByTestId('plan-nameZh').fill('旧版会话存档');
    await choose(page, 'plan-kind', '增值功能');
    await page.getByTestId('plan-validTo').click();
    await page.keyboard.type('2026-06-30');
    await page.keyboard.press('Enter');
    // The date is taken once the picker has closed on it; saving before that may save without it.
    await page.locator('.ant-picker-dropdown:visible').waitFor({ state: 'hidden' });
    await page
      .locator(
        '[data-testid=plan-validTo][value="2026-06-30"], [data-testid=plan-validTo] input[value="2026-06-30"]',
      )
      .first()
      .waitFor();
    await page.getByTestId('plan-form-submit').click();
    const row = page.getByTestId('plans-addons').getByTestId('plan-legacy-archive');
    await waitText(page, row, /旧版会话存档/);
    assert.match(await text(page.getByTestId('sale-legacy-archive')), /已停售/);
    assert.match(await text(row), /… ~ 2026-06-30/);
    assert.match(await text(page.getByTestId('sale-std')), /在售/);
    const alert = await text(page.getByTestId('plans-off-sale'));
    assert.match(alert, /1 个套餐不在销售期内（R8）/);
    assert.match(alert, /不能下新单/);
  });

  step(
    'R3: flips the new × partner review cell from manual to automatic, and it stays after a reload',
    async () => {
      const cell = page.getByTestId('policy-new-partner');
      assert.equal(await cell.getAttribute('data-mode'), 'manual', 'an unset combination is manual');
      await cell.click();
      await page.locator('[data-testid=policy-new-partner][data-mode=auto]').waitFor();
      assert.match(await text(cell), /自动通过/);
      await page.reload();
      await page.locator('[data-testid=policy-new-partner][data-mode=auto]').waitFor();
      assert.equal(await page.getByTestId('policy-new-direct').getAttribute('data-mode'), 'manual');
      await shot(page, 'admin-catalog');
    },
  );

  step('creates a partner; it is listed with its code and state', async () => {
    await page.getByTestId('nav').getByText('渠道伙伴').click();
    await waitText(page, page.getByTestId('partner-list'), /P-LIYAN/);
    await page.getByTestId('partner-new').click();
    await page.getByTestId('partner-code').fill('P-HUAXIA');
    await page.getByTestId('partner-nameZh').fill('华夏数科（渠道）');
    await page.getByTestId('partner-form-submit').click();
    const row = page.getByTestId('partner-list').locator('tr', { hasText: 'P-HUAXIA' });
    assert.match(await waitText(page, row, /华夏数科（渠道）/), /合作中/);
    await shot(page, 'admin-partners');
  });

  step('R6: a malformed tenant id is refused next to the field; fixed, the company is listed', async () => {
    await page.getByTestId('nav').getByText('客户公司').click();
    await waitText(page, page.getByTestId('company-list'), /辉煌有限公司/);
    await page.getByTestId('company-new').click();
    await page.getByTestId('company-nameZh').fill('星河软件有限公司');
    await page.getByTestId('company-tenantId').fill('WW0123456789ABCDEF');
    await choose(page, 'company-partner', 'P-LIYAN');
    await page.getByTestId('company-form-submit').click();
    const refusal = await waitText(
      page,
      page.locator('[data-field-error=tenantId]'),
      /企业 ID 须为 ww 加 16 位小写十六进制字符/,
    );
    assert.match(refusal, /是否应为 ww0123456789abcdef/);
    await shot(page, 'admin-companies');
    await page.getByTestId('company-tenantId').fill('ww0123456789abcdef');
    await page.getByTestId('company-form-submit').click();
    await page.getByTestId('company-form').waitFor({ state: 'detached' });
    const row = page.getByTestId('company-list').locator('.ant-table-row', { hasText: '星河软件有限公司' });
    const shown = await waitText(page, row, /ww0123456789abcdef/);
    assert.match(shown, /北京云帆科技/);
    assert.match(shown, /CN/);
  });

  step(
    'issue #3: a company filter lives in the URL, survives a reload, sorts by name and exports',
    async () => {
      const list = page.getByTestId('company-list');
      await choose(page, 'filter-partnerId', 'P-LIYAN');
      await page.waitForURL(/partnerId=prt_demo_liyan/);
      await page.reload();
      await waitText(page, list.locator('.ant-table-row').first(), /北京云帆科技/);
      assert.match(page.url(), /partnerId=prt_demo_liyan/);
      await waitText(page, page.getByTestId('filter-partnerId'), /P-LIYAN/);
      await list.locator('th', { hasText: '名称' }).click();
      await page.waitForURL(/sort=-name/);
      const api = await page.request.get(
        `${base}/api/v1/companies?partnerId=prt_demo_liyan&sort=-name&limit=200`,
      );
      const names = ((await api.json()) as { items: { nameZh: string }[] }).items.map((c) => c.nameZh);
      assert.ok(names.includes('星河软件有限公司') && names.length >= 3, names.join());
      // The rows shown follow the server's descending name order, and every one is the partner's.
      const shown = await waitRows(page, list, names);
      assert.ok(
        shown.every((r) => r.includes('北京云帆科技')),
        shown.join('\n'),
      );
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('company-list-csv').click(),
      ]);
      const csv = await readFile(await download.path(), 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.match(lines[0] ?? '', /^名称 name,/);
      assert.deepEqual(
        lines.slice(1).map((l) => l.split(',')[0]),
        names,
        'the export holds the filtered list in its order',
      );
    },
  );

  step('R12: a company opens to its subscriptions, each component with its seats and end date', async () => {
    const list = page.getByTestId('company-list');
    const row = list.locator('.ant-table-row', { hasText: '辉煌有限公司' });
    await row.locator('.ant-table-row-expand-icon').click();
    const components = page.getByTestId('components-cmp_demo_huihuang');
    const archive = await waitText(page, components.locator('tr', { hasText: '会话存档' }), /30/);
    assert.match(archive, /2027-11-24/);
    await components.getByTestId('reduce-archive').waitFor();
  });

  step('creates a sales user, then disables it', async () => {
    await page.getByTestId('nav').getByText('用户与角色').click();
    await waitText(page, page.getByTestId('user-list'), /admin@kaidan\.demo/);
    await page.getByTestId('user-new').click();
    await page.getByTestId('user-form-email').fill(NEW_USER);
    await page.getByTestId('user-form-name').fill('销售 赵磊');
    await choose(page, 'user-form-roles', '销售');
    await page.keyboard.press('Escape');
    await page.getByTestId('user-form-password').fill('kaidan-demo-2026');
    await page.getByTestId('user-form-submit').click();
    const row = page.getByTestId(`user-row-${NEW_USER}`);
    const shown = await waitText(page, row, /销售 赵磊/);
    assert.match(shown, /销售/);
    assert.match(await text(page.getByTestId(`user-state-${NEW_USER}`)), /正常/);

    // S-16: a key for a script works for a chosen time, shown in the list; the secret is shown once.
    await page.getByTestId(`user-keys-${NEW_USER}`).click();
    await page.getByTestId('key-name').fill('对账脚本');
    await choose(page, 'key-validity', '30 天内有效');
    await page.getByTestId('key-create').click();
    assert.match(await waitText(page, page.getByTestId('key-secret'), /kd_/), /kd_/);
    await waitText(page, page.getByTestId('key-list'), /对账脚本/);
    const day = new Intl.DateTimeFormat('zh-CN', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date(Date.now() + 30 * 86_400_000));
    assert.match(await text(page.getByTestId('key-expires-对账脚本')), new RegExp(`^${day}`));
    await page.keyboard.press('Escape');

    await page.getByTestId(`user-disable-${NEW_USER}`).click();
    await page.getByTestId('disable-reason').fill('测试账号，停用');
    await page.getByTestId('disable-form-submit').click();
    await waitText(page, page.getByTestId(`user-state-${NEW_USER}`), /已停用/);
    await page.getByTestId(`user-enable-${NEW_USER}`).waitFor();
    await shot(page, 'admin-users');
  });
});
