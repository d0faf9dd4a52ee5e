import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { useTestDatabase } from '../../testing/test-db';
import { createCompany, createPartner, principalOfUser, usersCli } from '.';

describe('kaidan users (CLI)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock();
  const deps = { database, clock };
  const partner = await createPartner(deps, systemPrincipal('cli'), { code: 'P-LIYAN', nameZh: '云帆' });
  await createCompany(deps, systemPrincipal('cli'), { nameZh: '辉煌', tenantId: 'wwb0e22cefc85a80d3' });
  const run = async (...argv: string[]) => {
    const lines: string[] = [];
    const code = await usersCli(deps, argv, (l) => lines.push(l));
    return { code, out: lines.join('\n') };
  };

  it('creates staff, partner and customer users resolved by partner code and tenant id', async () => {
    const staff = await run(
      'create',
      '--email',
      'fin@x.cn',
      '--name',
      '白星',
      '--roles',
      'finance,sales',
      '--password',
      'long-password',
    );
    assert.equal(staff.code, 0, staff.out);
    const agent = await run(
      'create',
      '--email',
      'a@x.cn',
      '--name',
      'A',
      '--roles',
      'partner_agent',
      '--partner',
      'p-liyan',
      '--password',
      'long-password',
    );
    assert.equal(agent.code, 0, agent.out);
    assert.equal((await principalOfUser(database.db, { email: 'a@x.cn' }, 'cli'))?.partnerId, partner);
    const cust = await run(
      'create',
      '--email',
      'c@x.cn',
      '--name',
      'C',
      '--roles',
      'customer',
      '--company',
      'wwb0e22cefc85a80d3',
    );
    assert.equal(cust.code, 0, cust.out);
    const list = await run('list');
    assert.equal(list.out.split('\n').length, 3);
    assert.match(list.out, /fin@x\.cn\t白星\tfinance,sales/);
  });

  it('refuses with zh/en field messages and a non-zero exit', async () => {
    const r = await run('create', '--email', 'bad', '--name', 'B', '--roles', 'customer', '--password', 'x');
    assert.equal(r.code, 1);
    assert.match(r.out, /email: .*Not a valid email/);
    assert.match(r.out, /companyId/);
    assert.equal((await run('create', '--email', 'q@x.cn', '--name', 'Q', '--roles', 'boss')).code, 2);
    assert.equal(
      (
        await run(
          'create',
          '--email',
          'q@x.cn',
          '--name',
          'Q',
          '--roles',
          'partner_agent',
          '--partner',
          'NOPE',
        )
      ).code,
      1,
    );
    assert.equal((await run('frobnicate')).code, 2);
  });
});
