import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { pdfText } from '../../testing/pdf-inspect';
import { sql, useTestDatabase } from '../../testing/test-db';
import { BILLING_STEPS, runBillingDay } from '.';

interface Problem {
  code: string;
  fields?: { field: string; code: string }[];
  details?: { companyIds?: string[] };
}
interface Config {
  companyId: string;
  configured: boolean;
  emails: string[];
  version: number | null;
}

// Issue #13 slice 4 over HTTP on the demo's 灵韵 tree: the scoped tech support user of 华东 configures its
// subtree, 配置所选公司 naming the sibling it cannot see, the customer its own; statements download.
describe('billing over HTTP: configurations in scope, batch, statements (R38, R46)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  const deps = { database, clock };
  await seedDemo(deps);
  const app = createApp(deps);
  const east = await signIn(app, 'support-east@kaidan.demo', DEMO_PASSWORD);
  const admin = await signIn(app, 'admin@kaidan.demo', DEMO_PASSWORD);
  const customer = await signIn(app, 'it@huihuang.demo', DEMO_PASSWORD);
  const finance = await signIn(app, 'finance@kaidan.demo', DEMO_PASSWORD);
  const { rows } = await sql<{ id: string; name_zh: string }>`select id, name_zh from companies
    where name_zh like '灵韵%'`.execute(database.db);
  const idOf = (name: string) => rows.find((r) => r.name_zh === name)?.id ?? '';
  const [root, eastCo, hangzhou, south] = [
    '灵韵（北京）有限公司',
    '灵韵华东分公司',
    '灵韵杭州门店',
    '灵韵华南分公司',
  ].map(idOf);
  let key = 0;
  const call = (cookie: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        cookie,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': `billing-${++key}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const settings = {
    billingCycle: 'monthly',
    autoRenew: false,
    notify: true,
    emailLanguage: 'zh-CN',
    emails: ['east@lingyun.example.com', 'finance@lingyun.example.com'],
  };

  it('R38 the 华东 support user lists 华东 and 杭州 only, and configures them; the parent and the sibling are 404', async () => {
    const res = await call(east, 'GET', '/api/v1/billing-configs');
    assert.equal(res.status, 200);
    const page = (await res.json()) as { items: Config[] };
    assert.deepEqual(page.items.map((c) => c.companyId).sort(), [eastCo, hangzhou].sort());
    assert.ok(page.items.every((c) => !c.configured));
    const put = await call(east, 'PUT', `/api/v1/billing-configs/${hangzhou}`, settings);
    assert.equal(put.status, 200);
    const made = (await put.json()) as Config;
    assert.deepEqual([made.configured, made.version, made.emails], [true, 1, settings.emails]);
    for (const id of [root, south])
      assert.equal((await call(east, 'PUT', `/api/v1/billing-configs/${id}`, settings)).status, 404);
    const stale = await call(east, 'PUT', `/api/v1/billing-configs/${hangzhou}`, { ...settings, version: 7 });
    assert.equal(stale.status, 409);
    const del = await call(east, 'DELETE', `/api/v1/billing-configs/${hangzhou}?version=1`);
    assert.equal(del.status, 204);
  });

  it('R38 配置所选公司 names the sibling out of scope and applies nothing; in scope it applies to all', async () => {
    const bad = await call(east, 'POST', '/api/v1/billing-configs/batch', {
      companyIds: [eastCo, hangzhou, south],
      settings,
    });
    assert.equal(bad.status, 422);
    const p = (await bad.json()) as Problem;
    assert.deepEqual([p.code, p.details?.companyIds], ['COMPANIES_NOT_FOUND', [south]]);
    const none = (await (await call(east, 'GET', '/api/v1/billing-configs?configured=true')).json()) as {
      items: Config[];
    };
    assert.equal(none.items.length, 0);
    const ok = await call(east, 'POST', '/api/v1/billing-configs/batch', {
      companyIds: [eastCo, hangzhou],
      settings,
    });
    assert.deepEqual(await ok.json(), { created: 2, updated: 0, unchanged: 0 });
    const wrong = await call(admin, 'PUT', `/api/v1/billing-configs/${south}`, {
      ...settings,
      emails: ['x@'],
    });
    assert.equal(wrong.status, 422);
    assert.deepEqual(
      ((await wrong.json()) as Problem).fields?.map((f) => f.field),
      ['emails.0'],
    );
  });

  it('R38 the customer configures its own company; finance reads and may not edit', async () => {
    const own = await call(customer, 'PUT', '/api/v1/billing-configs/cmp_demo_huihuang', {
      ...settings,
      emailLanguage: 'en-US',
      emails: ['it@huihuang.example.com'],
    });
    assert.equal(own.status, 200);
    assert.equal((await call(customer, 'GET', `/api/v1/billing-configs/${eastCo}`)).status, 404);
    assert.equal((await call(finance, 'GET', '/api/v1/billing-configs/cmp_demo_huihuang')).status, 200);
    assert.equal(
      (await call(finance, 'PUT', '/api/v1/billing-configs/cmp_demo_huihuang', settings)).status,
      403,
    );
  });

  it('R46 statements in scope download as PDF and XLSX', async () => {
    await runBillingDay({ database, clock }, '2026-11-01', BILLING_STEPS);
    const list = (await (await call(customer, 'GET', '/api/v1/billing-statements')).json()) as {
      items: { id: string; companyId: string; periodStart: string; balances: { closing: string }[] }[];
    };
    assert.deepEqual(
      list.items.map((s) => [s.companyId, s.periodStart]),
      [['cmp_demo_huihuang', '2026-10-01']],
    );
    const id = list.items[0]?.id ?? '';
    assert.equal((await call(east, 'GET', `/api/v1/billing-statements/${id}`)).status, 404);
    const pdf = await call(customer, 'GET', `/api/v1/billing-statements/${id}/pdf?lang=en`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const { text } = pdfText(Buffer.from(await pdf.arrayBuffer()));
    assert.ok(text.includes('Statement') && text.includes('2026-10-01'));
    const xlsx = await call(customer, 'GET', `/api/v1/billing-statements/${id}/xlsx`);
    assert.equal(xlsx.status, 200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await xlsx.arrayBuffer());
    assert.deepEqual(
      book.worksheets.map((w) => w.name),
      ['余额变动', '明细'],
    );
  });
});
