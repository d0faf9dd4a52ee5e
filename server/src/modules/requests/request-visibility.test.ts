import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { refusal } from '../../testing/refusal';
import { firstYear, scenario } from '../../testing/scenario';
import { useTestDatabase } from '../../testing/test-db';
import { fund, P, W } from '../../testing/world';
import { approveOrder } from '../orders';
import { fileCompanyRename, fileRefund, fileTopup, fileTransfer, getRequest, listQueue } from '.';

// Issue #10 item 10 (docs/transfers.md): a request is seen by the party that filed it and by staff, and
// each viewer is answered only what it may know.
describe('who sees a request (R32, R17, S-10)', async () => {
  const database = await useTestDatabase();
  const { clock, deps, order } = await scenario(database);
  const { db } = database;
  await fund(db, clock, W.partnerA, 10_000_000n, 's10');
  const ids = async (p: typeof P.customer) =>
    (await listQueue(deps, p, { limit: 100 })).map((x) => x.request.id);

  it('R32 S-10 a customer does not see its partner’s refund requests (返款) nor the partner’s top-ups naming it', async () => {
    const paid = await order(P.agentA, firstYear);
    await approveOrder(deps, P.desk, paid.id);
    const refund = await fileRefund(deps, P.agentA, {
      orderIds: [paid.id],
      mode: 'refund',
      reason: '客户减员',
    });
    const topup = await fileTopup(deps, P.agentA, {
      walletOwnerType: 'partner',
      walletOwnerId: W.partnerA,
      companyId: W.huihuang,
      payer: '辉煌有限公司',
      currency: 'CNY',
      amount: '100.00',
      bankRef: 'BK-S10',
      submit: true,
    });
    const mine = await fileCompanyRename(deps, P.customer, {
      companyId: W.huihuang,
      nameZh: '辉煌集团有限公司',
      reason: '工商变更',
    });
    const customerSees = await ids(P.customer);
    assert.ok(!customerSees.includes(refund.id), 'not the partner’s refund under 我的退款申请');
    assert.ok(!customerSees.includes(topup.id), 'nor the partner’s top-up');
    assert.ok(customerSees.includes(mine.id), 'its own request, yes');
    assert.equal((await refusal(getRequest(deps, P.customer, refund.id))).status, 404);
    assert.equal((await refusal(getRequest(deps, P.customer, topup.id))).status, 404);
    const partnerSees = await ids(P.agentA);
    assert.ok(partnerSees.includes(refund.id) && partnerSees.includes(topup.id));
    assert.ok(!partnerSees.includes(mine.id), 'the customer’s own request is the customer’s');
    assert.ok((await ids(P.desk)).includes(mine.id), 'staff see every request');
  });

  it('R17 S-10 a transfer shows the filing partner the tenant id it typed and the company name, not the internal id nor the current owner', async () => {
    await sql`insert into companies (id, name_zh, tenant_id, partner_id, created_at)
      values ('cmp_s10', '星河科技', 'ww5100aaaabbbbcccc', ${W.partnerA}, now())`.execute(db);
    const t = await fileTransfer(deps, P.agentB, { tenantId: 'ww5100aaaabbbbcccc', reason: '客户要求' });
    for (const payload of [
      (await getRequest(deps, P.agentB, t.id)).request.payload,
      (await listQueue(deps, P.agentB, { category: 'transfer', limit: 10 })).find(
        (x) => x.request.id === t.id,
      )?.request.payload,
    ]) {
      assert.deepEqual(payload, {
        tenantId: 'ww5100aaaabbbbcccc',
        companyName: '星河科技',
        toPartnerId: W.partnerB,
        reason: '客户要求',
      });
    }
    const desk = (await getRequest(deps, P.desk, t.id)).request.payload as Record<string, unknown>;
    assert.equal(desk.companyId, 'cmp_s10', 'the order desk sees what it decides');
    assert.equal(desk.fromPartnerId, W.partnerA);
    assert.equal(
      (await refusal(getRequest(deps, P.agentA, t.id))).status,
      404,
      'the losing partner files nothing',
    );
  });
});
