import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { writeDemoRecords } from '../modules/records/records-kit';
import { FakeClock } from '../platform/clock';
import { seedDemo } from '../seed/demo-seed';
import { useTestDatabase } from '../testing/test-db';
import { recordsCli } from './records-cli';

// R39 from a terminal: the CLI's CSV is the list the named user may read, with the same filters and roles.
describe('kaidan records (CLI)', async () => {
  const database = await useTestDatabase();
  const deps = { database, clock: new FakeClock('2026-11-25T02:00:00Z') };
  await seedDemo(deps);
  await writeDemoRecords(database.db);
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await recordsCli(deps, argv, (l) => lines.push(l));
    return { code, rows: lines.join('\n').split('\r\n') };
  };

  it('R39 the customer exports its own paid device orders; finance the value-added billing orders', async () => {
    const mine = await run('device-orders', '--state', 'paid', '--as', 'it@huihuang.demo');
    assert.equal(mine.code, 0);
    assert.equal(mine.rows.length, 2, 'header and its one paid order');
    assert.match(mine.rows[1] ?? '', /辉煌有限公司,.*,paid,wallet,CNY,12,2,/);
    const va = await run('billing-orders', '--type', 'value_added', '--as', 'finance@kaidan.demo');
    assert.equal(va.code, 0);
    assert.deepEqual(
      va.rows.slice(1).map((r) => r.split(',')[0]),
      ['value_added'],
    );
  });

  it('R39 roles and bad filters: a customer is refused finance’s list; an unknown currency is a usage error', async () => {
    const refused = await run('billing-orders', '--as', 'it@huihuang.demo');
    assert.equal(refused.code, 1);
    assert.match(refused.rows.join('\n'), /FORBIDDEN/);
    assert.equal((await run('topups', '--currency', 'EUR', '--as', 'finance@kaidan.demo')).code, 2);
    const topups = await run('topups', '--channel', 'offline', '--as', 'it@huihuang.demo');
    assert.equal(topups.code, 0);
    assert.ok(topups.rows.length > 1 && topups.rows.slice(1).every((r) => r.includes(',offline,')));
  });
});
