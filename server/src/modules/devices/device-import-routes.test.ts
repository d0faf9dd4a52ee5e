import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { expiryWorkbook, sheetRows } from '../../testing/import-fixture';
import { useTestDatabase } from '../../testing/test-db';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
interface Imp {
  id: string;
  state: string;
  totalRows: number;
  validRows: number;
  errorRows: number;
  errorCounts: { error: string; count: number }[];
}

// R21 over HTTP on the demo tree as the tech support user scoped to 华东: the template, the raw .xlsx
// upload (with an Idempotency-Key, so the body must reach the parser byte for byte), the bad rows page,
// the confirm and its report, and one device's expiry.
describe('R21 expiry import over HTTP', async () => {
  const database = await useTestDatabase();
  const deps = { database, clock: new FakeClock('2026-11-25T02:00:00Z') };
  await seedDemo(deps);
  const app = createApp(deps);
  const east = await signIn(app, 'support-east@kaidan.demo', DEMO_PASSWORD);
  const customer = await signIn(app, 'it@huihuang.demo', DEMO_PASSWORD);
  let key = 0;
  const upload = (cookie: string, file: Uint8Array, query = '') =>
    app.request(`/api/v1/device-imports?fileName=t.xlsx${query}`, {
      method: 'POST',
      headers: { cookie, 'content-type': XLSX, 'idempotency-key': `imp-${++key}` },
      body: file,
    });
  const json = (cookie: string, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        cookie,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': `imp-${++key}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it('R21 the template has the columns, a date-validated expiry column, an example row and notes; uploaded untouched it has no rows', async () => {
    const res = await json(east, 'GET', '/api/v1/device-imports/template.xlsx');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), XLSX);
    const file = new Uint8Array(await res.arrayBuffer());
    const rows = await sheetRows(file);
    assert.match(String(rows[0]?.[0]), /设备ID Device ID/);
    assert.match(String(rows[0]?.[1]), /到期日 Expiry/);
    assert.match(String(rows[1]?.[0]), /^# 示例/);
    assert.ok(rows[1]?.[1] instanceof Date, 'the example expiry is a real date cell');
    const ExcelJS = (await import('exceljs')).default;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.slice().buffer);
    assert.equal(book.worksheets[0]?.getCell('B100').dataValidation?.type, 'date');
    assert.match(String((await sheetRows(file, 2))[0]?.[0]), /设备到期维护/);
    const up = await upload(east, file);
    assert.equal(up.status, 201);
    assert.equal(((await up.json()) as Imp).totalRows, 0);
  });

  it('R21 upload → preview with reasons (paged) → confirm refused, then confirmed → report; a second confirm applies nothing', async () => {
    const file = await expiryWorkbook([
      ['HD-1001', '2027-06-30', null],
      ['HZ-2001', '2027/6/30', null],
      ['HN-3001', '2027-06-30', null],
      ['HD-1002', '2026-01-01', null],
      ['HD-1003', 'soon', null],
    ]);
    const res = await upload(east, file);
    assert.equal(res.status, 201);
    const imp = (await res.json()) as Imp;
    assert.deepEqual([imp.state, imp.totalRows, imp.validRows, imp.errorRows], ['previewed', 5, 2, 3]);
    assert.deepEqual(
      imp.errorCounts.map((c) => [c.error, c.count]),
      [
        ['date_invalid', 1],
        ['date_past', 1],
        ['not_found', 1],
      ],
    );
    const p1 = await json(east, 'GET', `/api/v1/device-imports/${imp.id}/rows?limit=2`);
    const page1 = (await p1.json()) as {
      items: { rowNo: number; reason: { zh: string } }[];
      nextCursor: string;
    };
    assert.deepEqual(
      page1.items.map((i) => i.rowNo),
      [4, 5],
    );
    const p2 = await json(
      east,
      'GET',
      `/api/v1/device-imports/${imp.id}/rows?limit=2&after=${page1.nextCursor}`,
    );
    const page2 = (await p2.json()) as { items: { rowNo: number }[]; nextCursor: string | null };
    assert.deepEqual([page2.items.map((i) => i.rowNo), page2.nextCursor], [[6], null]);

    const refused = await json(east, 'POST', `/api/v1/device-imports/${imp.id}/confirm`, {});
    assert.equal(refused.status, 422);
    assert.equal(((await refused.json()) as { code: string }).code, 'IMPORT_HAS_ERRORS');
    const ok = await json(east, 'POST', `/api/v1/device-imports/${imp.id}/confirm`, { applyValidRows: true });
    assert.equal(ok.status, 200);
    const done = (await ok.json()) as Imp & { changed: number };
    assert.deepEqual([done.state, done.changed], ['applied', 2]);
    const again = await json(east, 'POST', `/api/v1/device-imports/${imp.id}/confirm`, {
      applyValidRows: true,
    });
    assert.equal(again.status, 409);
    const list = await json(east, 'GET', '/api/v1/devices?q=HD-1001');
    const [d] = ((await list.json()) as { items: { expiresOn: string }[] }).items;
    assert.equal(d?.expiresOn, '2027-06-30');

    const rep = await json(east, 'GET', `/api/v1/device-imports/${imp.id}/report.xlsx`);
    assert.equal(rep.status, 200);
    const rows = await sheetRows(new Uint8Array(await rep.arrayBuffer()));
    assert.match(String(rows[0]?.[5]), /错误 Error/);
    assert.match(String(rows[3]?.[5]), /不存在或不在您的管理范围内/);
    assert.equal(rows[1]?.[5] ?? '', '');
  });

  it('R21 one device expiry over HTTP; customers neither import nor set expiries', async () => {
    const list = await json(east, 'GET', '/api/v1/devices?q=HZ-2002');
    const [d] = ((await list.json()) as { items: { id: string; version: number }[] }).items;
    assert.ok(d);
    const res = await json(east, 'POST', `/api/v1/devices/${d.id}/expiry`, {
      version: d.version,
      expiresOn: '2028-03-31',
    });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as { expiresOn: string }).expiresOn, '2028-03-31');
    assert.equal((await upload(customer, await expiryWorkbook([]))).status, 403);
  });
});
