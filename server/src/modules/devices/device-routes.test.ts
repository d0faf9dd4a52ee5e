import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { refusal } from '../../testing/refusal';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { createApiKey, createUser, principalOfUser } from '../parties';

interface Problem {
  code: string;
  message: { zh: string; en: string };
  fields?: { field: string; code: string }[];
  details?: { deviceIds?: string[] };
}

// Issue #13 over HTTP on the demo tree: the customer's own system registers devices with an API key; staff
// scoped to a company see that tree everywhere the one scope rule applies; exports; bad input is a 4xx.
describe('devices over HTTP: API registration, scoped staff, export, bad input', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  const deps = { database, clock };
  await seedDemo(deps);
  const app = createApp(deps);
  const admin = await signIn(app, 'admin@kaidan.demo', DEMO_PASSWORD);
  const east = await signIn(app, 'support-east@kaidan.demo', DEMO_PASSWORD);
  const call = (auth: Record<string, string>, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: {
        ...auth,
        ...(body ? { 'content-type': 'application/json' } : {}),
        ...(method === 'POST' ? { 'idempotency-key': `dev-${Math.random()}` } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });

  it("R18 the customer's system registers a device through its API key, for its own company (channel api)", async () => {
    const user = await principalOfUser(database.db, { email: 'it@huihuang.demo' }, 'api');
    assert.ok(user?.userId);
    const key = await createApiKey(deps, systemPrincipal('cli'), user.userId, 'IoT platform');
    const auth = { authorization: `Bearer ${key.secret}` };
    const res = await call(auth, 'POST', '/api/v1/devices', { deviceNo: 'HH-API-1', type: 'GPS' });
    assert.equal(res.status, 201);
    const d = (await res.json()) as { id: string; companyId: string; state: string; renewalPackage: null };
    assert.deepEqual([d.companyId, d.state, d.renewalPackage], ['cmp_demo_huihuang', 'active', null]);
    const trail = await listAudit(database.db, 'device', d.id);
    assert.deepEqual(
      trail.map((a) => [a.action, a.channel]),
      [['register', 'api']],
    );
    const priced = await call(auth, 'POST', '/api/v1/devices', {
      deviceNo: 'HH-API-2',
      type: 'GPS',
      expiresOn: '2030-12-31',
    });
    assert.equal(priced.status, 422, 'the expiry it pays for is not the customer’s to set');
  });

  it('R21 a staff user scoped to 华东 sees only its tree of companies too (the one scope rule)', async () => {
    const res = await call({ cookie: east }, 'GET', '/api/v1/companies?limit=50');
    const names = ((await res.json()) as { items: { nameZh: string }[] }).items.map((c) => c.nameZh).sort();
    assert.deepEqual(names, ['灵韵华东分公司', '灵韵杭州门店']);
    const sibling = await call({ cookie: east }, 'GET', '/api/v1/devices?q=HN-3001');
    assert.deepEqual(((await sibling.json()) as { items: unknown[] }).items, []);
    const agent = await refusal(
      createUser(deps, {
        email: 'x@kaidan.test',
        name: 'x',
        roles: ['partner_agent'],
        partnerId: 'prt_demo_liyan',
        companyId: 'cmp_demo_huihuang',
      }),
    );
    assert.equal(
      agent.fields[0]?.field,
      'companyId',
      'a partner agent is never scoped to a customer company',
    );
  });

  it('R39 the device list exports as CSV with the same filters (unbound under 华东)', async () => {
    const res = await call({ cookie: east }, 'GET', '/api/v1/devices/export?bound=false&format=csv');
    assert.equal(res.status, 200);
    const lines = (await res.text()).trim().split('\r\n');
    assert.match(lines[0] ?? '', /设备ID device id/);
    assert.deepEqual(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
      ['HD-1004', 'HZ-2001', 'HZ-2002', 'HZ-2003'],
    );
    const xlsx = await call({ cookie: east }, 'GET', '/api/v1/devices/export?format=xlsx');
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
  });

  it('bad input is a 4xx naming the field in zh and en, never a 5xx', async () => {
    const direct = await call({ cookie: admin }, 'GET', '/api/v1/devices?depth=direct');
    assert.equal(direct.status, 422);
    assert.equal(((await direct.json()) as Problem).code, 'company_required');
    const bad = await call({ cookie: admin }, 'POST', '/api/v1/devices', {
      companyId: 'cmp_demo_huihuang',
      deviceNo: 'has space',
      type: '',
    });
    assert.equal(bad.status, 422);
    const p = (await bad.json()) as Problem;
    assert.deepEqual(p.fields?.map((f) => f.field).sort(), ['deviceNo', 'type']);
    assert.ok(p.message.zh && p.message.en);
    const batch = await call({ cookie: east }, 'POST', '/api/v1/devices/states', {
      deviceNos: ['HD-1001', 'LY-0001'],
      state: 'deactivated',
    });
    assert.equal(batch.status, 422);
    const named = (await batch.json()) as Problem;
    assert.equal(named.code, 'DEVICES_NOT_FOUND');
    assert.deepEqual(named.details?.deviceIds, ['LY-0001'], "the parent's device is foreign to 华东");
    const both = await call({ cookie: admin }, 'POST', '/api/v1/devices/bindings', { packageId: null });
    assert.equal(both.status, 422);
    const cursor = await call({ cookie: admin }, 'GET', '/api/v1/devices?after=not-a-cursor');
    assert.equal(cursor.status, 422);
  });
});
