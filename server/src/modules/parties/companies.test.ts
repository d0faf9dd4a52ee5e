import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { systemPrincipal } from '../../platform/principal';
import { makeUser, signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';
import { createCompany, createPartner, findCompanyByTenant, findCompanyInScope, principalOfUser } from '.';

interface Problem {
  code: string;
  fields: Array<{ field: string; code: string; message: { zh: string; en: string } }>;
}

describe('parties: companies, contacts and scope', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const deps = { database, clock };
  const app = createApp(deps);
  const system = systemPrincipal('cli');
  const partnerA = await createPartner(deps, system, { code: 'p-a', nameZh: '李艳渠道' });
  const partnerB = await createPartner(deps, system, { code: 'P-B', nameZh: '另一渠道' });
  const huihuang = await createCompany(deps, system, {
    nameZh: '辉煌有限公司',
    tenantId: 'wwb0e22cefc85a80d3',
    partnerId: partnerA,
  });
  const sub = await createCompany(deps, system, {
    nameZh: '辉煌上海分公司',
    parentId: huihuang,
    partnerId: partnerA,
  });
  const subSub = await createCompany(deps, system, {
    nameZh: '辉煌浦东办事处',
    parentId: sub,
    partnerId: partnerA,
  });
  const jushi = await createCompany(deps, system, {
    nameZh: '巨石（北京）辉煌有限公司',
    tenantId: 'wwd64e1baa41c4d6d6',
    partnerId: partnerB,
  });
  const cookieOf = async (u: { email: string; password: string }) => signIn(app, u.email, u.password);
  const admin = await cookieOf(await makeUser(database, clock, { roles: ['admin'] }));
  const sales = await cookieOf(await makeUser(database, clock, { roles: ['sales'] }));
  const agentA = await cookieOf(
    await makeUser(database, clock, { roles: ['partner_agent'], partnerId: partnerA }),
  );
  const customerUser = await makeUser(database, clock, { roles: ['customer'], companyId: huihuang });
  const customer = await cookieOf(customerUser);
  const send = (method: string, path: string, cookie: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { cookie, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('partner codes are normalised to upper case and unique', async () => {
    const res = await send('POST', '/api/v1/partners', admin, { code: 'P-A', nameZh: '重复' });
    assert.equal(res.status, 409);
    assert.equal(((await res.json()) as Problem).code, 'PARTNER_CODE_TAKEN');
    const bad = await send('POST', '/api/v1/partners', admin, { code: 'has space', nameZh: '' });
    assert.deepEqual(
      ((await bad.json()) as Problem).fields.map((f) => f.field),
      ['code', 'nameZh'],
    );
  });

  it('R6 foreign customer needs an English name, English address, applicant and landline — one error each', async () => {
    const res = await send('POST', '/api/v1/companies', sales, { nameZh: '灵韵美国公司', region: 'US' });
    assert.equal(res.status, 422);
    const body = (await res.json()) as Problem;
    assert.equal(body.code, 'VALIDATION_FAILED');
    assert.deepEqual(body.fields.map((f) => f.field).sort(), [
      'addressEn',
      'applicantName',
      'landline',
      'nameEn',
    ]);
    for (const f of body.fields) assert.ok(f.message.zh && f.message.en);
  });

  it('R6 foreign customer needs an English address', async () => {
    const res = await send('POST', '/api/v1/companies', sales, {
      nameZh: '灵韵美国公司',
      nameEn: 'NanoTemper Inc.',
      region: 'US',
      applicantName: 'Jane Doe',
      landline: '+1 415 555 0100',
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      ((await res.json()) as Problem).fields.map((f) => [f.field, f.code]),
      [['addressEn', 'required']],
    );
  });

  it('R6 a mobile number is not a landline', async () => {
    const res = await send('POST', '/api/v1/companies', sales, {
      nameZh: '灵韵美国公司',
      nameEn: 'NanoTemper Inc.',
      region: 'us',
      addressEn: '1 Market St, San Francisco',
      applicantName: 'Jane Doe',
      landline: '+86 138 0013 8000',
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      ((await res.json()) as Problem).fields.map((f) => [f.field, f.code]),
      [['landline', 'mobile_not_landline']],
    );
  });

  it('R6 a complete foreign customer is saved, direct when no partner is given', async () => {
    const res = await send('POST', '/api/v1/companies', sales, {
      nameZh: '灵韵美国公司',
      nameEn: 'NanoTemper Inc.',
      region: 'us',
      addressEn: '1 Market St, San Francisco',
      applicantName: 'Jane Doe',
      landline: '+1 415 555 0100',
    });
    assert.equal(res.status, 201);
    const c = (await res.json()) as { region: string; partnerId: string | null; version: number };
    assert.equal(c.region, 'US');
    assert.equal(c.partnerId, null);
  });

  it('tenant id must be ww + 16 lowercase hex, and the fix names the lower-case form', async () => {
    const res = await send('POST', '/api/v1/companies', sales, {
      nameZh: '甲',
      tenantId: 'wwB0E22CEFC85A80D4',
    });
    assert.equal(res.status, 422);
    const f = ((await res.json()) as Problem).fields[0];
    assert.equal(f?.field, 'tenantId');
    assert.equal(f?.code, 'tenant_id_format');
    assert.match(f?.message.zh ?? '', /wwb0e22cefc85a80d4/);
    const short = await send('POST', '/api/v1/companies', sales, { nameZh: '乙', tenantId: 'ww1234' });
    assert.equal(short.status, 422);
  });

  it('tenant id is unique: 409 TENANT_ID_TAKEN with a field error', async () => {
    const res = await send('POST', '/api/v1/companies', sales, {
      nameZh: '丙',
      tenantId: 'wwb0e22cefc85a80d3',
    });
    assert.equal(res.status, 409);
    const body = (await res.json()) as Problem;
    assert.equal(body.code, 'TENANT_ID_TAKEN');
    assert.equal(body.fields[0]?.field, 'tenantId');
  });

  it('a partner agent creates customers for its own partner only', async () => {
    const res = await send('POST', '/api/v1/companies', agentA, { nameZh: '新客户', partnerId: partnerB });
    assert.equal(res.status, 201);
    assert.equal(((await res.json()) as { partnerId: string }).partnerId, partnerA);
  });

  it("scope: a partner reading another partner's company gets 404 NOT_FOUND", async () => {
    const res = await send('GET', `/api/v1/companies/${jushi}`, agentA);
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as Problem).code, 'NOT_FOUND');
    const patch = await send('PATCH', `/api/v1/companies/${jushi}`, agentA, { version: 1, nameZh: '改名' });
    assert.equal(patch.status, 404);
    const contacts = await send('GET', `/api/v1/companies/${jushi}/contacts`, agentA);
    assert.equal(contacts.status, 404);
    assert.equal((await send('GET', `/api/v1/companies/${huihuang}`, agentA)).status, 200);
    const list = (await (await send('GET', '/api/v1/companies?limit=200', agentA)).json()) as {
      items: Array<{ partnerId: string }>;
    };
    assert.ok(list.items.length >= 3);
    assert.ok(list.items.every((c) => c.partnerId === partnerA));
  });

  it('scope: a customer sees its company and its subsidiaries at any depth, nothing else', async () => {
    assert.equal((await send('GET', `/api/v1/companies/${sub}`, customer)).status, 200);
    assert.equal((await send('GET', `/api/v1/companies/${subSub}`, customer)).status, 200);
    assert.equal((await send('GET', `/api/v1/companies/${jushi}`, customer)).status, 404);
    const list = (await (await send('GET', '/api/v1/companies', customer)).json()) as {
      items: Array<{ id: string }>;
    };
    assert.deepEqual(list.items.map((c) => c.id).sort(), [huihuang, sub, subSub].sort());
    const p = await principalOfUser(database.db, { id: customerUser.id }, 'api');
    assert.ok(p);
    assert.equal((await findCompanyInScope(database.db, p, subSub)).id, subSub);
    await assert.rejects(findCompanyByTenant(database.db, p, 'wwd64e1baa41c4d6d6'), /NOT_FOUND/);
    assert.equal((await findCompanyByTenant(database.db, p, 'wwb0e22cefc85a80d3')).id, huihuang);
  });

  it('customers cannot create companies (403)', async () => {
    assert.equal((await send('POST', '/api/v1/companies', customer, { nameZh: '子公司' })).status, 403);
  });

  it('list filters by partner, direct, name and pages with a cursor', async () => {
    const first = (await (
      await send('GET', `/api/v1/companies?partnerId=${partnerA}&limit=2`, sales)
    ).json()) as {
      items: Array<{ id: string }>;
      nextCursor: string | null;
    };
    assert.equal(first.items.length, 2);
    assert.ok(first.nextCursor);
    const second = (await (
      await send('GET', `/api/v1/companies?partnerId=${partnerA}&limit=2&after=${first.nextCursor}`, sales)
    ).json()) as { items: Array<{ id: string }> };
    assert.ok(second.items.length >= 1);
    assert.ok(second.items.every((c) => !first.items.some((f) => f.id === c.id)));
    const direct = (await (await send('GET', '/api/v1/companies?direct=true', sales)).json()) as {
      items: Array<{ partnerId: string | null }>;
    };
    assert.ok(direct.items.length >= 1 && direct.items.every((c) => c.partnerId === null));
    const byName = (await (
      await send('GET', `/api/v1/companies?q=${encodeURIComponent('巨石')}`, sales)
    ).json()) as {
      items: Array<{ id: string }>;
    };
    assert.deepEqual(
      byName.items.map((c) => c.id),
      [jushi],
    );
  });

  it('update: optimistic version, R6 on the merged record, no parent cycle', async () => {
    const c = (await (await send('GET', `/api/v1/companies/${sub}`, sales)).json()) as { version: number };
    const ok = await send('PATCH', `/api/v1/companies/${sub}`, sales, {
      version: c.version,
      nameEn: 'Huihuang SH',
    });
    assert.equal(ok.status, 200);
    assert.equal(((await ok.json()) as { nameEn: string }).nameEn, 'Huihuang SH');
    const stale = await send('PATCH', `/api/v1/companies/${sub}`, sales, { version: c.version, nameEn: 'x' });
    assert.equal(stale.status, 409);
    const foreign = await send('PATCH', `/api/v1/companies/${sub}`, sales, {
      version: c.version + 1,
      region: 'SG',
    });
    assert.deepEqual(((await foreign.json()) as Problem).fields.map((f) => f.field).sort(), [
      'addressEn',
      'applicantName',
      'landline',
    ]);
    const cycle = await send('PATCH', `/api/v1/companies/${huihuang}`, sales, {
      version: 1,
      parentId: subSub,
    });
    assert.equal(cycle.status, 422);
    assert.equal(((await cycle.json()) as Problem).fields[0]?.code, 'parent_cycle');
    const move = await send('PATCH', `/api/v1/companies/${huihuang}`, agentA, {
      version: 1,
      partnerId: partnerB,
    });
    assert.equal(((await move.json()) as Problem).fields[0]?.field, 'partnerId');
  });

  it('contacts: email validated; a customer adds one to its own company', async () => {
    const bad = await send('POST', `/api/v1/companies/${huihuang}/contacts`, customer, {
      name: '王',
      email: 'wang@',
    });
    assert.equal(bad.status, 422);
    assert.equal(((await bad.json()) as Problem).fields[0]?.code, 'email_invalid');
    const good = await send('POST', `/api/v1/companies/${huihuang}/contacts`, customer, {
      name: '王财务',
      email: 'finance@huihuang.cn',
      isPayer: true,
    });
    assert.equal(good.status, 201);
    const list = (await (await send('GET', `/api/v1/companies/${huihuang}/contacts`, agentA)).json()) as {
      items: Array<{ email: string; isPayer: boolean }>;
    };
    assert.deepEqual(
      list.items.map((c) => [c.email, c.isPayer]),
      [['finance@huihuang.cn', true]],
    );
  });

  it('R40 company create, update and contact changes are audited with actor and channel', async () => {
    const trail = await listAudit(database.db, 'company', sub);
    assert.deepEqual(
      trail.map((r) => r.action),
      ['create', 'update'],
    );
    assert.equal(trail[0]?.actor_kind, 'system');
    assert.equal(trail[1]?.actor_kind, 'staff');
    assert.equal(trail[1]?.channel, 'console');
    assert.equal((trail[1]?.after as { name_en?: string } | undefined)?.name_en, 'Huihuang SH');
    const hh = await listAudit(database.db, 'company', huihuang);
    assert.ok(hh.some((r) => r.action === 'add_contact' && r.actor_kind === 'customer'));
    assert.equal((await listAudit(database.db, 'partner', partnerA))[0]?.action, 'create');
  });

  it('/me of a partner agent names its partner', async () => {
    const me = (await (await send('GET', '/api/v1/me', agentA)).json()) as {
      kind: string;
      partner: { id: string; nameZh: string };
    };
    assert.equal(me.kind, 'partner');
    assert.deepEqual([me.partner.id, me.partner.nameZh], [partnerA, '李艳渠道']);
    const cme = (await (await send('GET', '/api/v1/me', customer)).json()) as { company: { nameZh: string } };
    assert.equal(cme.company.nameZh, '辉煌有限公司');
  });
});
