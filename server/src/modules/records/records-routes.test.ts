import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { writeDemoRecords } from './records-kit';

type Row = Record<string, string | number | null>;

/** RFC 4180 with the BOM the export writes; enough for these files (quoted cells, doubled quotes). */
function parseCsv(text: string): string[][] {
  const out: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && s[i + 1] === '\n') {
      row.push(cell);
      out.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return out;
}

async function xlsxRows(res: Response): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await res.arrayBuffer());
  const rows: string[][] = [];
  book.worksheets[0]?.eachRow((r) => {
    const values = Array.isArray(r.values) ? r.values.slice(1) : [];
    rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
  });
  return rows;
}

// R39, R26 over HTTP on the demo: each export is the list itself (same filters, same order, same cells) in
// CSV and XLSX; a customer sees its own tree only; finance's list refuses other roles; bad filters are 422.
describe('records over HTTP: lists, CSV/XLSX exports equal to the lists, scope', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  await writeDemoRecords(database.db);
  const app = createApp({ database, clock });
  const finance = { cookie: await signIn(app, 'finance@kaidan.demo', DEMO_PASSWORD) };
  const customer = { cookie: await signIn(app, 'it@huihuang.demo', DEMO_PASSWORD) };
  const sales = { cookie: await signIn(app, 'sales@kaidan.demo', DEMO_PASSWORD) };
  const get = (auth: Record<string, string>, path: string) => app.request(path, { headers: auth });
  const list = async (auth: Record<string, string>, path: string): Promise<Row[]> => {
    const res = await get(auth, path);
    assert.equal(res.status, 200, `${path}: ${await res.clone().text()}`);
    return ((await res.json()) as { items: Row[] }).items;
  };

  // Each export column, in the export's order, as the list's field.
  const EXPORTS: [string, string, (r: Row) => unknown[]][] = [
    [
      '/api/v1/device-orders',
      'currency=CNY',
      (r) => [
        r.number,
        r.companyName,
        r.partnerName,
        r.source,
        r.state,
        r.paymentMethod,
        r.currency,
        r.months,
        r.deviceCount,
        r.renewalAmount,
        r.valueAddedAmount,
        r.total,
        r.createdAt,
        r.paidAt,
      ],
    ],
    [
      '/api/v1/billing-orders',
      'from=2026-11-01',
      (r) => [
        r.type,
        r.number,
        r.companyName,
        r.partnerName,
        r.paymentMethod,
        r.currency,
        r.amount,
        r.renewalAmount,
        r.valueAddedAmount,
        r.paidAt,
      ],
    ],
    [
      '/api/v1/topup-records',
      'channel=online',
      (r) => [
        r.number,
        r.channel,
        r.state,
        r.status,
        r.walletOwnerName,
        r.paymentMethod,
        r.currency,
        r.amount,
        r.at,
        r.settledAt,
      ],
    ],
  ];
  const cells = (r: unknown[]) => r.map((v) => (v === null || v === undefined ? '' : String(v)));

  for (const [path, query, columns] of EXPORTS)
    it(`R39 ${path}/export in CSV and XLSX holds exactly the list's rows and cells`, async () => {
      const items = await list(finance, `${path}?${query}&limit=200`);
      assert.ok(items.length > 0, 'the demo records fill the list');
      const want = items.map((r) => cells(columns(r)));
      const csv = await get(finance, `${path}/export?${query}&format=csv`);
      assert.equal(csv.headers.get('content-type'), 'text/csv; charset=utf-8');
      const [header, ...rows] = parseCsv(await csv.text());
      assert.equal(header?.length, want[0]?.length);
      assert.deepEqual(rows, want);
      const xlsx = await xlsxRows(await get(finance, `${path}/export?${query}&format=xlsx`));
      assert.deepEqual(xlsx.slice(1), want);
      assert.deepEqual(xlsx[0], header);
    });

  it('R39 the customer sees its own company’s device orders and top-ups only, and never finance’s list', async () => {
    const orders = await list(customer, '/api/v1/device-orders');
    assert.deepEqual([...new Set(orders.map((o) => o.companyName))], ['辉煌有限公司']);
    assert.deepEqual(orders.map((o) => o.state).sort(), ['awaiting_payment', 'paid']);
    const topups = await list(customer, '/api/v1/topup-records');
    assert.ok(topups.every((t) => t.walletOwnerName === '辉煌有限公司'));
    const states = new Set(topups.map((t) => t.state));
    assert.ok(states.has('settled') && states.has('pending'), 'R26: settled and pending alike');
    assert.equal((await get(customer, '/api/v1/billing-orders')).status, 403);
    assert.equal((await get(sales, '/api/v1/billing-orders')).status, 403);
  });

  it('R39 an order’s items page by device id; another company’s order is a 404', async () => {
    const [order] = await list(finance, '/api/v1/device-orders?q=&currency=CNY&state=paid&sort=-total');
    assert.ok(order);
    const first = await get(finance, `/api/v1/device-orders/${order.id}/items?limit=1`);
    const page1 = (await first.json()) as { order: Row; items: Row[]; nextCursor: string | null };
    assert.equal(page1.order.id, order.id);
    assert.equal(page1.items.length, 1);
    assert.ok(page1.nextCursor, 'two devices: a second page');
    const second = await get(
      finance,
      `/api/v1/device-orders/${order.id}/items?limit=1&after=${page1.nextCursor ?? ''}`,
    );
    const page2 = (await second.json()) as { items: Row[]; nextCursor: string | null };
    assert.equal(page2.nextCursor, null);
    assert.notEqual(page2.items[0]?.deviceNo, page1.items[0]?.deviceNo);
    const foreign = (await list(finance, '/api/v1/device-orders?companyId=cmp_demo_lingyun')).at(0);
    assert.ok(foreign);
    assert.equal((await get(customer, `/api/v1/device-orders/${foreign.id}/items`)).status, 404);
  });

  it('R20→R39 a renewal placed and paid through the renewal slice shows in 订单记录 and 订单管理 with its devices', async () => {
    const lingyun = { cookie: await signIn(app, 'it@lingyun.demo', DEMO_PASSWORD) };
    const [placed, ...more] = await list(lingyun, '/api/v1/device-orders?paymentMethod=wallet');
    assert.ok(placed, 'the demo’s paid renewal from 灵韵’s wallet');
    assert.deepEqual(more, []);
    assert.equal(placed.state, 'paid');
    const res = await get(lingyun, `/api/v1/device-orders/${placed.id}/items`);
    const { items } = (await res.json()) as { items: Row[] };
    assert.deepEqual(
      items.map((i) => i.deviceNo),
      ['HD-1002'],
    );
    const [item] = items;
    assert.ok(item && String(item.expiresAfter) > String(item.expiresBefore), 'the expiry moved on');
    assert.ok(item?.packageCode);
    const billed = await list(finance, `/api/v1/billing-orders?q=${placed.number}`);
    assert.deepEqual(
      billed.map((b) => [b.number, b.amount, b.paymentMethod]),
      [[placed.number, placed.total, 'wallet']],
    );
  });

  it('bad filters are a 422 naming the field, never a 5xx', async () => {
    for (const q of ['state=bogus', 'currency=EUR', 'sort=nope', 'after=xyz', 'from=2026-13-01'])
      assert.equal((await get(finance, `/api/v1/device-orders?${q}`)).status, 422, q);
    assert.equal((await get(finance, '/api/v1/billing-orders?type=gift')).status, 422);
    assert.equal((await get(finance, '/api/v1/topup-records?channel=cash')).status, 422);
  });
});
