import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FakeClock } from '../platform/clock';
import { seedDemo } from '../seed/demo-seed';
import { expiryWorkbook, sheetRows } from '../testing/import-fixture';
import { useTestDatabase } from '../testing/test-db';
import { devicesCli } from './devices-cli';

// Issue #13: operators deactivate a file of device ids (R19) as the scoped tech support user of the demo.
describe('kaidan devices (CLI)', async () => {
  const database = await useTestDatabase();
  const deps = { database, clock: new FakeClock('2026-11-25T02:00:00Z') };
  await seedDemo(deps);
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await devicesCli(deps, argv, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };
  const as = ['--as', 'support-east@kaidan.demo'];

  it('R21 lists only the scoped tree: 华东 and 杭州, direct narrows to 华东', async () => {
    const all = await run('list', ...as);
    assert.equal(all.code, 0);
    assert.deepEqual(
      all.out
        .split('\n')
        .map((l) => l.split('\t')[0])
        .sort(),
      ['HD-1001', 'HD-1002', 'HD-1003', 'HD-1004', 'HZ-2001', 'HZ-2002', 'HZ-2003'],
    );
    const direct = await run('list', '--depth', 'direct', ...as);
    assert.equal(direct.out.split('\n').length, 4);
  });

  it('R19 a file naming a sibling device is refused in both languages, naming it; then the valid file applies', async () => {
    const file = join(tmpdir(), `kaidan-devices-${process.pid}.txt`);
    await writeFile(file, 'HD-1001\nHN-3001\n');
    const bad = await run('deactivate', '--file', file, ...as);
    assert.equal(bad.code, 1);
    assert.match(bad.out, /DEVICES_NOT_FOUND: .*HN-3001.* \/ .*HN-3001/);
    await writeFile(file, 'HD-1001\r\nHD-1002\r\n');
    assert.deepEqual(await run('deactivate', '--file', file, ...as), {
      code: 0,
      out: 'deactivated\t2\tunchanged\t0',
    });
    assert.deepEqual(await run('reactivate', 'HD-1001', ...as), {
      code: 0,
      out: 'reactivated\t1\tunchanged\t0',
    });
    assert.equal((await run('list', '--as', 'nobody@example.com')).code, 2);
  });

  it('R21 import previews and prints every bad row, changes nothing without --yes, applies the valid rows with it and writes the report', async () => {
    const file = join(tmpdir(), `kaidan-import-${process.pid}.xlsx`);
    const report = join(tmpdir(), `kaidan-import-${process.pid}-report.xlsx`);
    await writeFile(
      file,
      await expiryWorkbook([
        ['HD-1003', '2028-02-29', null],
        ['HN-3001', '2028-02-29', null],
      ]),
    );
    const progress: string[] = [];
    const runImport = async (...extra: string[]) => {
      const lines: string[] = [];
      const code = await devicesCli(
        deps,
        ['import', file, ...extra, ...as],
        (l) => lines.push(l),
        (l) => progress.push(l),
      );
      return { code, out: lines.join('\n') };
    };
    const dry = await runImport();
    assert.equal(dry.code, 3);
    assert.match(dry.out, /rows\t2\tvalid\t1\terrors\t1/);
    assert.match(dry.out, /row 3\tHN-3001\t设备不存在或不在您的管理范围内 \/ Device not found in your scope/);
    assert.match(dry.out, /nothing applied/);
    assert.match(progress.join('\n'), /rows read\t2/);
    assert.doesNotMatch((await run('list', ...as)).out, /2028-02-29/);
    const done = await runImport('--yes', '--report', report);
    assert.equal(done.code, 0);
    assert.match(done.out, /applied\t1\tchanged\t1/);
    assert.match((await run('list', ...as)).out, /HD-1003.*2028-02-29/);
    const rows = await sheetRows(new Uint8Array(await readFile(report)));
    assert.match(String(rows[2]?.[5]), /not found/);
  });
});
