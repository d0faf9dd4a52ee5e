import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { FakeClock } from '../platform/clock';
import { seedDemo } from '../seed/demo-seed';
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
});
