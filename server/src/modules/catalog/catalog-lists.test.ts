import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemPrincipal } from '../../platform/principal';
import { createProduct } from '.';
import { catalogHarness } from './catalog-test-kit';

// Issue #3 / R39 on the catalog: the product list pages by keyset under each sort, with many ties (every
// product created at the same instant, names repeated), filters and exports the same rows, and refuses an
// unknown sort with a 422 naming the field.
type Row = { id: string; code: string; nameZh: string; kind: string; state: string; createdAt: string };
type Page = { items: Row[]; nextCursor: string | null; fields?: { field: string }[] };

const KINDS = ['seat_app', 'device_plan', 'quota_feature', 'service'] as const;
const NAMES = ['企微管家', '导购管家', 'CRM', '短信包'];

describe('catalog lists: product sort, paging and export', async () => {
  const { app, deps, adminCookie, deskCookie, send } = await catalogHarness();
  // The clock stands still: all 45 products share one created_at, so `created` is all ties.
  for (let i = 0; i < 45; i++) {
    await createProduct(deps, systemPrincipal('cli'), {
      code: `p-${String((i * 37) % 45).padStart(2, '0')}`,
      nameZh: NAMES[i % NAMES.length] ?? '',
      kind: KINDS[i % KINDS.length] ?? 'service',
      category: i % 3 === 0 ? 'SaaS' : null,
    });
  }
  const get = async (url: string, cookie = deskCookie) => {
    const r = await send('GET', url, cookie);
    return { status: r.status, body: r.body as Page };
  };
  const walk = async (url: string, limit: number): Promise<Row[]> => {
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
      const { status, body } = await get(`${url}${url.includes('?') ? '&' : '?'}limit=${limit}${cursor}`);
      assert.equal(status, 200, JSON.stringify(body));
      rows.push(...body.items);
      after = body.nextCursor;
    } while (after);
    return rows;
  };

  for (const sort of ['created', '-created', 'code', '-code', 'name', '-name']) {
    it(`sort=${sort}: every product once, in the order of one big page, equal keys in one run`, async () => {
      const url = `/api/v1/products?sort=${sort}`;
      const all = (await get(`${url}&limit=200`)).body.items;
      assert.equal(all.length, 46, 'the harness product and 45 more');
      const walked = await walk(url, 7);
      assert.deepEqual(
        walked.map((r) => r.id),
        all.map((r) => r.id),
      );
      assert.equal(new Set(walked.map((r) => r.id)).size, 46, 'no product twice');
      const key = (r: Row) =>
        sort.endsWith('name') ? r.nameZh : sort.endsWith('code') ? r.code : r.createdAt;
      const keys = walked.map(key);
      // Text keys follow the database collation; each value must still form one run.
      const runs = keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
      assert.equal(new Set(runs).size, runs.length, runs.join(','));
      // Within a run of ties the id breaks the tie, in the sort's direction.
      const ids = walked.filter((r) => key(r) === keys[0]).map((r) => r.id);
      const sorted = [...ids].sort();
      assert.deepEqual(ids, sort.startsWith('-') ? sorted.reverse() : sorted);
    });
  }

  it('filters narrow the walk: kind, category and text search on code and name', async () => {
    const services = await walk('/api/v1/products?kind=service&sort=-code', 4);
    assert.equal(services.length, 11);
    assert.ok(services.every((p) => p.kind === 'service'));
    const saas = await walk('/api/v1/products?category=SaaS&q=p-', 5);
    assert.equal(saas.length, 15);
    assert.deepEqual(
      (await walk('/api/v1/products?q=%E5%AF%BC%E8%B4%AD', 50)).map((p) => p.nameZh),
      Array(11).fill('导购管家'),
    );
  });

  it('R39 the export takes the same filters and sort, as CSV and XLSX', async () => {
    const listed = await walk('/api/v1/products?kind=device_plan&sort=-code', 50);
    const res = await app.request('/api/v1/products/export?format=csv&kind=device_plan&sort=-code', {
      headers: { cookie: adminCookie },
    });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-disposition') ?? '', /products-2026-11-20.*\.csv/);
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    assert.match(lines[0] ?? '', /^编码 code,/);
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',')[0]),
      listed.map((p) => p.code),
    );
    assert.ok(lines.slice(1).every((l) => l.split(',')[3] === 'device_plan'));
    const xlsx = await app.request('/api/v1/products/export?format=xlsx&state=active', {
      headers: { cookie: deskCookie },
    });
    assert.equal(xlsx.status, 200);
    assert.equal((await xlsx.arrayBuffer()).byteLength > 1000, true);
  });

  it('a bad sort or cursor answers 422 naming the field', async () => {
    const first = await get('/api/v1/products?sort=-name&limit=5');
    const cases: [string, string][] = [
      ['/api/v1/products?sort=price', 'sort'],
      ['/api/v1/products?sort=-amount', 'sort'],
      ['/api/v1/products/export?sort=bogus', 'sort'],
      ['/api/v1/products?after=not-a-cursor', 'after'],
      [`/api/v1/products?sort=code&after=${first.body.nextCursor ?? ''}`, 'after'],
    ];
    for (const [url, field] of cases) {
      const { status, body } = await get(url);
      assert.equal(status, 422, `${url} → ${status} ${JSON.stringify(body)}`);
      assert.ok(
        body.fields?.some((f) => f.field === field),
        `${url}: ${JSON.stringify(body.fields)}`,
      );
    }
    assert.equal((await get('/api/v1/products/export?format=pdf')).status, 422);
  });
});
