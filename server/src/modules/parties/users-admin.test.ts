import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { makeUser, signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { createCompany, createPartner } from '.';

interface Problem {
  code: string;
  fields: Array<{ field: string; code: string; message: { zh: string; en: string } }>;
}
interface UserOut {
  id: string;
  roles: string[];
  partnerId: string | null;
  companyId: string | null;
  state: string;
  version: number;
  boundTo: { code: string | null; nameZh: string; nameEn: string | null } | null;
}

describe('parties: admins change roles and re-enable users', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const deps = { database, clock };
  const app = createApp(deps);
  const system = systemPrincipal('cli');
  const partnerA = await createPartner(deps, system, { code: 'P-UA', nameZh: '甲渠道' });
  const partnerB = await createPartner(deps, system, { code: 'P-UB', nameZh: '乙渠道' });
  const companyA = await createCompany(deps, system, { nameZh: '甲客户', partnerId: partnerA });
  const companyB = await createCompany(deps, system, { nameZh: '乙客户', partnerId: partnerB });
  const adminUser = await makeUser(database, clock, { roles: ['admin'] });
  const admin = await signIn(app, adminUser.email, adminUser.password);
  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const getUser = async (id: string): Promise<UserOut> => {
    const res = await send('GET', '/api/v1/users?limit=200', admin);
    const user = ((await res.json()) as { items: UserOut[] }).items.find((u) => u.id === id);
    assert.ok(user, `user ${id} is listed`);
    return user;
  };

  it('the list names what each user is bound to: partner code and name, company name, nothing for staff', async () => {
    const agent = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: partnerB });
    const customer = await makeUser(database, clock, { roles: ['customer'], companyId: companyA });
    assert.deepEqual((await getUser(agent.id)).boundTo, { code: 'P-UB', nameZh: '乙渠道', nameEn: null });
    assert.deepEqual((await getUser(customer.id)).boundTo, { code: null, nameZh: '甲客户', nameEn: null });
    assert.equal((await getUser(adminUser.id)).boundTo, null);
  });

  it('R40: a role change writes one audit row with actor, channel and the roles before and after', async () => {
    const u = await makeUser(database, clock, { roles: ['finance'] });
    const res = await send('PATCH', `/api/v1/users/${u.id}`, admin, {
      version: (await getUser(u.id)).version,
      roles: ['finance', 'sales'],
    });
    assert.equal(res.status, 200);
    assert.deepEqual(((await res.json()) as UserOut).roles, ['finance', 'sales']);
    const trail = (await listAudit(database.db, 'user', u.id)).filter((r) => r.action === 'update');
    assert.equal(trail.length, 1);
    const row = trail[0];
    assert.ok(row);
    assert.equal(row.actor_id, adminUser.id);
    assert.equal(row.actor_kind, 'staff');
    assert.equal(row.channel, 'console');
    assert.deepEqual((row.before as { roles: string[] }).roles, ['finance']);
    assert.deepEqual((row.after as { roles: string[] }).roles, ['finance', 'sales']);
  });

  it('new roles and a new partner apply to the open session at once (scope follows the user row)', async () => {
    const agent = await makeUser(database, clock, { roles: ['partner_agent'], partnerId: partnerA });
    const cookie = await signIn(app, agent.email, agent.password);
    const ids = async () => {
      const res = await send('GET', '/api/v1/companies?limit=200', cookie);
      return ((await res.json()) as { items: { id: string }[] }).items.map((c) => c.id);
    };
    assert.deepEqual(await ids(), [companyA]);
    const res = await send('PATCH', `/api/v1/users/${agent.id}`, admin, {
      version: (await getUser(agent.id)).version,
      partnerId: partnerB,
    });
    assert.equal(res.status, 200);
    assert.deepEqual(await ids(), [companyB]);
  });

  it('R6: roles and binding are checked on the merged record, each refusal naming its field', async () => {
    const u = await makeUser(database, clock, { roles: ['sales'] });
    const { version } = await getUser(u.id);
    const mixed = await send('PATCH', `/api/v1/users/${u.id}`, admin, {
      version,
      roles: ['sales', 'partner_agent'],
    });
    assert.equal(mixed.status, 422);
    const p = (await mixed.json()) as Problem;
    assert.equal(p.code, 'VALIDATION_FAILED');
    assert.deepEqual(p.fields.map((f) => `${f.field}:${f.code}`).sort(), [
      'partnerId:required',
      'roles:roles_exclusive',
    ]);
    assert.match(p.fields.find((f) => f.field === 'partnerId')?.message.zh ?? '', /渠道用户须指定所属渠道/);

    const customerWithoutCompany = await send('PATCH', `/api/v1/users/${u.id}`, admin, {
      version,
      roles: ['customer'],
      companyId: 'cmp_missing',
    });
    const q = (await customerWithoutCompany.json()) as Problem;
    assert.deepEqual(
      q.fields.map((f) => `${f.field}:${f.code}`),
      ['companyId:not_found'],
    );
    assert.deepEqual((await getUser(u.id)).roles, ['sales'], 'a refused change leaves the user as it was');
  });

  it('an admin cannot remove its own admin role; a stale version is 409 VERSION_CONFLICT', async () => {
    const { version } = await getUser(adminUser.id);
    const self = await send('PATCH', `/api/v1/users/${adminUser.id}`, admin, { version, roles: ['sales'] });
    assert.equal(self.status, 422);
    assert.equal(((await self.json()) as Problem).fields[0]?.code, 'cannot_demote_self');

    const u = await makeUser(database, clock, { roles: ['support'] });
    const v = (await getUser(u.id)).version;
    assert.equal(
      (await send('PATCH', `/api/v1/users/${u.id}`, admin, { version: v, name: '新名' })).status,
      200,
    );
    const stale = await send('PATCH', `/api/v1/users/${u.id}`, admin, { version: v, name: '旧名' });
    assert.equal(stale.status, 409);
    assert.equal(((await stale.json()) as Problem).code, 'VERSION_CONFLICT');
  });

  it('R40: re-enabling a disabled user lets it sign in again and records disabled → active with the reason', async () => {
    const u = await makeUser(database, clock, { roles: ['order_desk'] });
    const off = await send('POST', `/api/v1/users/${u.id}/disable`, admin, { reason: '离职' });
    assert.equal(off.status, 200);
    await assert.rejects(signIn(app, u.email, u.password), /403/);
    const on = await send('POST', `/api/v1/users/${u.id}/enable`, admin, { reason: '返岗' });
    assert.equal(on.status, 200);
    assert.equal(((await on.json()) as UserOut).state, 'active');
    const cookie = await signIn(app, u.email, u.password);
    assert.equal((await send('GET', '/api/v1/me', cookie)).status, 200);

    const again = await send('POST', `/api/v1/users/${u.id}/enable`, admin, {});
    assert.equal(again.status, 409);
    assert.equal(((await again.json()) as Problem).code, 'ALREADY_ACTIVE');
    const rows = (await listAudit(database.db, 'user', u.id)).filter((r) => r.action === 'enable');
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.state_before, 'disabled');
    assert.equal(rows[0]?.state_after, 'active');
    assert.equal(rows[0]?.reason, '返岗');
    assert.equal(rows[0]?.actor_id, adminUser.id);
  });

  it('only admins change roles or enable users (403 for other staff)', async () => {
    const sales = await makeUser(database, clock, { roles: ['sales'] });
    const cookie = await signIn(app, sales.email, sales.password);
    const target = await makeUser(database, clock, { roles: ['support'] });
    const { version } = await getUser(target.id);
    const change = await send('PATCH', `/api/v1/users/${target.id}`, cookie, { version, roles: ['admin'] });
    assert.equal(change.status, 403);
    const enable = await send('POST', `/api/v1/users/${target.id}/enable`, cookie, {});
    assert.equal(enable.status, 403);
    assert.deepEqual((await getUser(target.id)).roles, ['support']);
  });
});
