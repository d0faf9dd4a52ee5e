import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { makeUser, signIn } from '../../testing/auth-factory';
import { countedTestDatabase } from '../../testing/counted-db';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { fund, fundCompany, P, W } from '../../testing/world';
import { listAudit } from '../audit/audit-store';
import { decideRequest, fileCompanyRename } from '../requests';
import { approveOrder, getOrder, setCompanyRename, submitOrder } from '.';

describe('orders: a renewal carries the company’s new name until it is approved (R7)', async () => {
  const { database, statements, reset } = await countedTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 100_000_000n, 'r7');
  const nameOf = async (id: string) =>
    (
      await sql<{ name_zh: string; name_en: string | null }>`select name_zh, name_en from companies
        where id = ${id}`.execute(db)
    ).rows[0];
  // The first year, approved by the desk, so that a renewal follows.
  const first = await order(P.agentA, firstYear);
  await approveOrder(deps, P.desk, first.id);
  const renewal = { ...firstYear, orderType: 'renew' as const };

  it('R7 a draft renewal takes the new name; approving it renames the company, with the audit naming the order', async () => {
    const draft = await order(P.agentA, renewal, false);
    assert.ok((await getOrder(deps, P.agentA, draft.id)).actions.includes('rename'));
    await setCompanyRename(deps, P.agentA, draft.id, { nameZh: '辉煌科技集团有限公司' });
    assert.equal((await nameOf(W.huihuang))?.name_zh, '辉煌有限公司', 'nothing changes before approval');
    // Partner renewals pass review at once (R3): submitting approves and applies the name.
    await submitOrder(deps, P.agentA, draft.id);
    assert.equal((await getOrder(deps, P.agentA, draft.id)).order.state, 'paid');
    assert.equal((await nameOf(W.huihuang))?.name_zh, '辉煌科技集团有限公司');
    const trail = await listAudit(db, 'company', W.huihuang);
    const rename = trail.find((a) => a.action === 'rename');
    assert.ok(rename);
    assert.deepEqual(rename.before, { nameZh: '辉煌有限公司', nameEn: null });
    assert.equal(rename.reason, `R7: ${draft.number}`);
  });

  it('R7 ADR 0015 the desk approving a direct renewal that carries a name takes the company row before its components', async () => {
    const direct = 'cmp_direct_r7';
    await sql`insert into companies (id, name_zh, region, created_at)
      values (${direct}, '直销锁序公司', 'CN', now())`.execute(db);
    await fundCompany(db, clock, direct, 100_000_000n, 'r7-direct');
    const first = await order(P.sales, { ...firstYear, companyId: direct });
    if (first.state !== 'paid') await approveOrder(deps, P.desk, first.id);
    const draft = await order(P.sales, { ...renewal, companyId: direct }, false);
    await setCompanyRename(deps, P.sales, draft.id, { nameZh: '直销锁序集团' });
    await submitOrder(deps, P.sales, draft.id);
    assert.equal(
      (await getOrder(deps, P.desk, draft.id)).order.state,
      'submitted',
      'a direct renewal waits for the desk',
    );
    reset();
    await approveOrder(deps, P.desk, draft.id);
    assert.equal((await nameOf(direct))?.name_zh, '直销锁序集团');
    const rename = statements.findIndex((q) => /^update companies c set name_zh/.test(q));
    const components = statements.findIndex((q) => /from components c .*for update/.test(q));
    assert.ok(rename >= 0 && components >= 0, 'both statements ran');
    assert.ok(rename < components, `company (statement ${rename}) before components (${components})`);
  });

  it('R7 after approval the order refuses the name and points to a rename request; a non-renewal never takes one', async () => {
    const paid = await order(P.agentA, { ...renewal, companyId: W.huihuang });
    const late = await refusal(setCompanyRename(deps, P.agentA, paid.id, { nameZh: '别的名字' }));
    assert.equal(late.code, 'RENAME_AFTER_APPROVAL');
    assert.match(late.fixes[0]?.zh ?? '', /公司名变更申请/);
    assert.ok(!(await getOrder(deps, P.agentA, paid.id)).actions.includes('rename'));
    const fresh = await order(P.agentA, { ...firstYear, companyId: W.huihuangSub }, false);
    assert.equal(
      (await refusal(setCompanyRename(deps, P.agentA, fresh.id, { nameZh: '上海分公司' }))).code,
      'RENAME_NOT_RENEWAL',
    );
    const colleague = { ...P.agentA, userId: 'usr_agent_b' };
    const draft = await order(P.agentA, renewal, false);
    assert.equal((await refusal(setCompanyRename(deps, colleague, draft.id, { nameZh: 'x' }))).status, 403);
  });

  it('R7 a rename request, approved by the order desk, renames the company; the same name is refused', async () => {
    const same = await refusal(
      fileCompanyRename(deps, P.agentA, {
        companyId: W.huihuang,
        nameZh: '辉煌科技集团有限公司',
        reason: 'x',
      }),
    );
    assert.equal(same.code, 'NAME_UNCHANGED');
    const r = await fileCompanyRename(deps, P.agentA, {
      companyId: W.huihuang,
      nameZh: '辉煌数字科技有限公司',
      nameEn: 'Huihuang Digital Co., Ltd.',
      reason: '工商变更已完成，附营业执照',
    });
    assert.equal(r.state, 'submitted');
    const twice = await refusal(
      fileCompanyRename(deps, P.agentA, { companyId: W.huihuang, nameZh: '另一个名字', reason: '再提一次' }),
    );
    assert.equal(twice.code, 'RENAME_REQUEST_OPEN', 'one open rename per company');
    assert.match(twice.text.zh, new RegExp(r.number));
    assert.equal((await nameOf(W.huihuang))?.name_zh, '辉煌科技集团有限公司');
    await decideRequest(deps, P.desk, { id: r.id, verdict: 'approve', comment: '营业执照已核' });
    assert.deepEqual(await nameOf(W.huihuang), {
      name_zh: '辉煌数字科技有限公司',
      name_en: 'Huihuang Digital Co., Ltd.',
    });
    assert.equal(
      (await refusal(fileCompanyRename(deps, P.agentB, { companyId: W.huihuang, nameZh: 'y', reason: 'y' })))
        .status,
      404,
      'another partner’s customer is out of scope',
    );
  });

  it('R7/R6 over HTTP: a blank new name is a 422 naming the field', async () => {
    const app = createApp(deps);
    const u = await makeUser(database, clock, { roles: ['order_desk'] });
    const cookie = await signIn(app, u.email, u.password);
    const draft = await order(P.agentA, renewal, false);
    const res = await app.request(`/api/v1/orders/${draft.id}/company-name`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ nameZh: '  ' }),
    });
    assert.equal(res.status, 422);
    assert.deepEqual(
      ((await res.json()) as { fields: { field: string }[] }).fields.map((f) => f.field),
      ['nameZh'],
    );
    const ok = await app.request(`/api/v1/orders/${draft.id}/company-name`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ nameZh: '辉煌控股有限公司' }),
    });
    assert.equal(ok.status, 200);
    const detail = (await (
      await app.request(`/api/v1/orders/${draft.id}`, { headers: { cookie } })
    ).json()) as {
      order: { renameTo: { zh: string } | null };
    };
    assert.equal(detail.order.renameTo?.zh, '辉煌控股有限公司');
  });
});
