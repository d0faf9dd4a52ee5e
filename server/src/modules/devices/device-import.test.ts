import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { dateCell, expiryWorkbook, serialOf, sheetRows } from '../../testing/import-fixture';
import { staffPrincipal } from '../../testing/principals';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { createCompany } from '../parties';
import {
  allImportLines,
  confirmDeviceImport,
  importReport,
  previewDeviceImport,
  registerDevice,
  setDeviceExpiry,
  viewDevice,
  viewDeviceImport,
  viewImportLines,
} from '.';

// Issue #13 slice 3 on both engines: R21's staged Excel expiry import with a bad row of every kind, the
// confirm that applies only the valid rows and only once, the report's error column, and one device's
// expiry set directly. Staff see their company's tree only (R21's last sentence).
describe('R21 Excel expiry import', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-12-02T02:00:00Z');
  const deps = { database, clock };
  const sys = systemPrincipal('cli');
  const co = (nameZh: string, parentId: string | null = null) =>
    createCompany(deps, sys, { nameZh, parentId });
  const root = await co('导入根公司');
  const east = await co('导入华东', root);
  const hangzhou = await co('导入杭州', east);
  const south = await co('导入华南', root);
  const eastSupport = staffPrincipal(['support'], east, 'console');
  const dev = (companyId: string, deviceNo: string, expiresOn: string | null = '2026-12-31') =>
    registerDevice(deps, sys, { companyId, deviceNo, type: 'GPS', expiresOn });
  const e1 = await dev(east, 'E-1');
  const e2 = await dev(east, 'E-2');
  const e3 = await dev(east, 'E-3');
  const h1 = await dev(hangzhou, 'H-1');
  const h2 = await dev(hangzhou, 'H-2', null);
  await dev(south, 'S-1');
  // The same customer id at two companies of the east tree: the row must name its company.
  const twinEast = await dev(east, 'TWIN');
  await dev(hangzhou, 'TWIN');
  const expiry = async (id: string) => (await viewDevice(deps, sys, id)).expires_on;

  // Every variant the issue names: a date cell, a bare serial, text in three spellings, plus one bad row
  // of each kind (unknown, foreign, bad date, past date, missing id, missing date, empty row, duplicate,
  // ambiguous).
  const file = await expiryWorkbook([
    ['E-1', dateCell('2027-01-31'), null], // 2 date cell
    ['E-2', serialOf('2027-02-28'), null], // 3 serial
    ['E-3', '2027/3/31', null], // 4 text with slashes
    ['H-1', '2027年4月30日', null], // 5 Chinese text
    ['NOPE-9', '2027-05-01', null], // 6 unknown
    ['S-1', '2027-05-01', null], // 7 foreign (sibling company)
    ['H-2', '2027-02-30', null], // 8 a date that does not exist
    ['E-2', '2026-11-30', null], // 9 past
    [null, '2027-06-01', null], // 10 no device id
    ['H-2', null, null], // 11 no date
    [null, null, null], // 12 blank row inside the data
    ['E-1', '2027-07-01', null], // 13 the same device again
    ['TWIN', '2027-08-01', null], // 14 two companies, no company named
    ['TWIN', '2027-08-02', '导入华东'], // 15 company named: resolves
    ['# 示例 example', '2027-01-01', null], // 16 a comment row
  ]);

  it('R21 the preview lists every bad row with its own reason and changes nothing', async () => {
    const id = await previewDeviceImport(deps, eastSupport, { file, fileName: 'e.xlsx', allowPast: false });
    const imp = await viewDeviceImport(deps, eastSupport, id);
    assert.equal(imp.state, 'previewed');
    assert.equal(imp.total_rows, 14);
    assert.equal(imp.valid_rows, 5);
    assert.equal(imp.error_rows, 9);
    const lines = await viewImportLines(deps, eastSupport, id, { onlyErrors: true, after: 0, limit: 100 });
    assert.deepEqual(
      lines.map((l) => [l.row_no, l.error]),
      [
        [6, 'not_found'],
        [7, 'not_found'],
        [8, 'date_invalid'],
        [9, 'date_past'],
        [10, 'device_missing'],
        [11, 'date_missing'],
        [12, 'empty_row'],
        [13, 'duplicate'],
        [14, 'ambiguous'],
      ],
    );
    // Unknown and foreign read the same: the preview does not reveal that S-1 exists at 华南.
    assert.deepEqual(lines[0]?.reason, lines[1]?.reason);
    assert.match(lines[7]?.reason?.zh ?? '', /第 2 行/);
    assert.match(lines[2]?.reason?.en ?? '', /"2027-02-30"/);
    assert.equal(await expiry(e1), '2026-12-31');
    assert.equal(await expiry(h1), '2026-12-31');
  });

  it('R21 a file with errors is refused until the valid rows are confirmed; then exactly those apply, once', async () => {
    const id = await previewDeviceImport(deps, eastSupport, { file, fileName: 'e.xlsx', allowPast: false });
    const e = await refusal(confirmDeviceImport(deps, eastSupport, { id, applyValidRows: false }));
    assert.equal(e.code, 'IMPORT_HAS_ERRORS');
    assert.match(e.text.zh, /9 行错误/);
    assert.equal(await expiry(e1), '2026-12-31');
    assert.deepEqual(await confirmDeviceImport(deps, eastSupport, { id, applyValidRows: true }), {
      changed: 5,
    });
    assert.equal(await expiry(e1), '2027-01-31');
    assert.equal(await expiry(e2), '2027-02-28');
    assert.equal(await expiry(e3), '2027-03-31');
    assert.equal(await expiry(h1), '2027-04-30');
    assert.equal(await expiry(twinEast), '2027-08-02');
    assert.equal(await expiry(h2), null);
    const version = (await viewDevice(deps, sys, e1)).version;
    const again = await refusal(confirmDeviceImport(deps, eastSupport, { id, applyValidRows: true }));
    assert.equal(again.code, 'IMPORT_ALREADY_APPLIED');
    assert.equal((await viewDevice(deps, sys, e1)).version, version);
    // R40: one trail row per changed device with before and after, and one for the import itself.
    const trail = await listAudit(database.db, 'device', e1);
    const set = trail.filter((t) => t.action === 'set_expiry');
    assert.equal(set.length, 1);
    assert.deepEqual(
      [set[0]?.before, set[0]?.after],
      [{ expiresOn: '2026-12-31' }, { expiresOn: '2027-01-31' }],
    );
    assert.deepEqual(
      (await listAudit(database.db, 'device_import', id)).map((t) => [t.action, t.state_after]),
      [
        ['preview', 'previewed'],
        ['apply', 'applied'],
      ],
    );
    const imp = await viewDeviceImport(deps, eastSupport, id);
    assert.equal(imp.applied_rows, 5);

    // The report: every row as read, its result and the 错误/Error column.
    const report = await sheetRows(await importReport(allImportLines(deps, eastSupport, id)));
    assert.equal(report.length, 15);
    assert.match(String(report[0]?.[5]), /错误 Error/);
    const byRow = new Map(report.slice(1).map((r) => [Number(r[0]), r]));
    assert.match(String(byRow.get(7)?.[5]), /不在您的管理范围内 \/ .*not found/);
    assert.equal(byRow.get(7)?.[1], 'S-1');
    assert.equal(byRow.get(2)?.[4], '已更新 updated');
    assert.equal(byRow.get(2)?.[5] ?? '', '');
    assert.match(String(byRow.get(9)?.[5]), /before today/);
  });

  it('R21 allowPast accepts a past date (tech support correcting data); a file with no errors applies without the extra confirm', async () => {
    const id = await previewDeviceImport(deps, eastSupport, {
      file: await expiryWorkbook([['E-3', '2026-10-01', null]]),
      fileName: 'past.xlsx',
      allowPast: true,
    });
    assert.equal((await viewDeviceImport(deps, eastSupport, id)).error_rows, 0);
    assert.deepEqual(await confirmDeviceImport(deps, eastSupport, { id, applyValidRows: false }), {
      changed: 1,
    });
    assert.equal(await expiry(e3), '2026-10-01');
  });

  it('R21 direct depth narrows the tree; an import is out of reach of staff scoped elsewhere; customers may not import', async () => {
    const id = await previewDeviceImport(deps, eastSupport, {
      file: await expiryWorkbook([
        ['E-1', '2028-01-01', null],
        ['H-1', '2028-01-01', null],
      ]),
      fileName: 'd.xlsx',
      depth: 'direct',
      allowPast: false,
    });
    const lines = await viewImportLines(deps, eastSupport, id, { onlyErrors: false, after: 0, limit: 10 });
    assert.deepEqual(
      lines.map((l) => l.error),
      [null, 'not_found'],
    );
    const southSupport = staffPrincipal(['support'], south, 'console');
    assert.equal((await refusal(viewDeviceImport(deps, southSupport, id))).status, 404);
    assert.equal(
      (await refusal(confirmDeviceImport(deps, southSupport, { id, applyValidRows: true }))).status,
      404,
    );
    const customer = { ...staffPrincipal(['customer'], east, 'console'), kind: 'customer' as const };
    assert.equal(
      (await refusal(previewDeviceImport(deps, customer, { file, fileName: 'x', allowPast: false }))).status,
      403,
    );
    const bad = await refusal(
      previewDeviceImport(deps, eastSupport, {
        file: new Uint8Array([1, 2, 3]),
        fileName: 'x',
        allowPast: false,
      }),
    );
    assert.equal(bad.code, 'IMPORT_FILE_UNREADABLE');
    const noHeader = await refusal(
      previewDeviceImport(deps, eastSupport, {
        file: await expiryWorkbook([['E-1', '2028-01-01']], ['foo', 'bar']),
        fileName: 'x',
        allowPast: false,
      }),
    );
    assert.equal(noHeader.code, 'IMPORT_HEADER_MISSING');
  });

  it('R21 one device at a time: version-checked, past refused unless allowed, out of scope is 404, audited', async () => {
    const v = (await viewDevice(deps, sys, h2)).version;
    assert.equal(
      await setDeviceExpiry(deps, eastSupport, { id: h2, version: v, expiresOn: '2027-09-30' }),
      true,
    );
    assert.equal(await expiry(h2), '2027-09-30');
    assert.equal(
      (await refusal(setDeviceExpiry(deps, eastSupport, { id: h2, version: v, expiresOn: '2027-10-01' })))
        .code,
      'VERSION_CONFLICT',
    );
    const past = await refusal(
      setDeviceExpiry(deps, eastSupport, { id: h2, version: v + 1, expiresOn: '2026-01-01' }),
    );
    assert.equal(past.code, 'EXPIRY_IN_PAST');
    assert.equal(
      await setDeviceExpiry(deps, eastSupport, {
        id: h2,
        version: v + 1,
        expiresOn: '2026-01-01',
        allowPast: true,
        reason: '合同更正',
      }),
      true,
    );
    const s1 =
      (await sql<{ id: string }>`select id from devices where device_no = 'S-1'`.execute(database.db)).rows[0]
        ?.id ?? '';
    assert.equal(
      (await refusal(setDeviceExpiry(deps, eastSupport, { id: s1, version: 1, expiresOn: '2027-01-01' })))
        .status,
      404,
    );
    const trail = (await listAudit(database.db, 'device', h2)).filter((t) => t.action === 'set_expiry');
    assert.deepEqual(
      trail.map((t) => [t.before, t.after, t.reason]),
      [
        [{ expiresOn: null }, { expiresOn: '2027-09-30' }, null],
        [{ expiresOn: '2027-09-30' }, { expiresOn: '2026-01-01' }, '合同更正'],
      ],
    );
  });
});
