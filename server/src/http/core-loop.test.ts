import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import ExcelJS from 'exceljs';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { signIn as demoSignIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

type Json = Record<string, unknown> & { items?: Json[] };

// The seed-000 loop through the real HTTP API: sign-in cookies, zod contracts, problem+json refusals,
// Idempotency-Key replay and scope — the way a partner integration or the console drives it.
describe('core loop over HTTP (R2, R4, R13, R25, R32)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  let n = 0;
  const signIn = (email: string) => demoSignIn(app, email, DEMO_PASSWORD);
  const call = async (cookie: string, method: string, path: string, body?: unknown, key = `k-${++n}`) => {
    const res = await app.request(path, {
      method,
      headers: {
        cookie,
        'content-type': 'application/json',
        ...(method === 'POST' ? { 'idempotency-key': key } : {}),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as Json, headers: res.headers };
  };
  const agent = await signIn('agent@kaidan.demo');
  const desk = await signIn('desk@kaidan.demo');
  const finance = await signIn('finance@kaidan.demo');
  const agent2 = await signIn('agent2@kaidan.demo');
  const company = 'cmp_demo_huihuang';
  const renew = (seats?: number) => ({
    companyId: company,
    productId: 'prd_demo_steward',
    orderType: 'renew',
    lines: [
      { planId: 'pln_demo_archive', ...(seats ? { seats } : {}), duration: { unit: 'day', value: 365 } },
    ],
  });

  it('anonymous callers get 401 with a sign-in hint', async () => {
    const r = await call('', 'GET', '/api/v1/orders');
    assert.equal(r.status, 401);
    assert.equal(r.body.code, 'UNAUTHENTICATED');
  });

  it('R13 renewing 20 archive seats while 30 are active is refused as problem+json with the field and both fixes', async () => {
    const r = await call(agent, 'POST', '/api/v1/orders/quote', renew(20));
    assert.equal(r.status, 422);
    assert.equal(r.body.code, 'RENEWAL_SEATS_MISMATCH');
    assert.deepEqual(
      (r.body.fields as { field: string }[]).map((f) => f.field),
      ['lines.0.seats'],
    );
    assert.equal((r.body.fixes as unknown[]).length, 2);
  });

  let renewal = '';
  it('R13 a seat reduction approved by the order desk lets the partner renew 20; the POST replays under its key', async () => {
    const ent = await call(agent, 'GET', `/api/v1/companies/${company}/entitlements`);
    const archive = (ent.body.components as { id: string; planCode: string }[]).find(
      (c) => c.planCode === 'archive',
    );
    assert.ok(archive);
    const req = await call(agent, 'POST', '/api/v1/seat-reductions', {
      companyId: company,
      componentId: archive.id,
      seats: 20,
      reason: '实际只用 20 人',
    });
    assert.equal(req.status, 201);
    const ok = await call(desk, 'POST', `/api/v1/requests/${req.body.id}/approve`, {
      comment: '已减到 20 人',
    });
    assert.equal(ok.body.state, 'approved');
    assert.equal(ok.body.number, req.body.number, 'the decision names the request it decided');
    const placed = await call(agent, 'POST', '/api/v1/orders', { ...renew(20), submit: true }, 'renew-20');
    assert.equal(placed.status, 201);
    assert.equal(placed.body.state, 'paid', 'R3: partner renewals need no review');
    const again = await call(agent, 'POST', '/api/v1/orders', { ...renew(20), submit: true }, 'renew-20');
    assert.deepEqual(again.body, placed.body);
    assert.equal(again.headers.get('idempotent-replayed'), 'true');
    renewal = String(placed.body.id);
  });

  it('scope: another partner reading the order gets 404', async () => {
    assert.equal((await call(agent2, 'GET', `/api/v1/orders/${renewal}`)).status, 404);
    const mine = await call(agent, 'GET', `/api/v1/orders/${renewal}`);
    assert.equal(mine.status, 200);
    const labels = mine.body.labels as {
      companyName: string;
      tenantId: string;
      planNames: Record<string, { zh: string }>;
    };
    assert.deepEqual([labels.companyName, labels.tenantId], ['辉煌有限公司', 'wwb0e22cefc85a80d3']);
    assert.equal(labels.planNames.pln_demo_archive?.zh, '会话存档');
  });

  it('R25 finance approves the pending top-up; R32 a refund credits the wallet, shown in its ledger; R4 the partner is told', async () => {
    const queue = await call(finance, 'GET', '/api/v1/requests?category=topup&state=submitted');
    const topup = queue.body.items?.[0];
    assert.ok(topup);
    assert.equal(
      (await call(finance, 'POST', `/api/v1/requests/${topup.id}/approve`, { comment: '已到账' })).body.state,
      'approved',
    );
    const preview = await call(agent, 'POST', '/api/v1/refunds/preview', {
      orderIds: [renewal],
      mode: 'refund',
    });
    assert.equal(preview.body.total, '1460.00', '20 seats × 73.00 for a year, not started yet');
    const refund = await call(agent, 'POST', '/api/v1/refunds', {
      orderIds: [renewal],
      mode: 'refund',
      reason: '续错了',
    });
    assert.equal(refund.status, 201);
    // The reviewer reads each line by order number and plan name, in the preview and in the request.
    const named = (lines: unknown) =>
      (lines as { orderNumber: string; planName: { zh: string }; amount: string }[]).map((l) => [
        l.planName.zh,
        l.amount,
      ]);
    assert.deepEqual(named(preview.body.lines), [['会话存档', '1460.00']]);
    const filed = await call(finance, 'GET', `/api/v1/requests/${refund.body.id}`);
    assert.deepEqual(named(filed.body.refundLines), [['会话存档', '1460.00']]);
    assert.equal(
      (filed.body.refundLines as { orderNumber: string }[])[0]?.orderNumber,
      (preview.body.lines as { orderNumber: string }[])[0]?.orderNumber,
    );
    assert.equal(
      (await call(finance, 'POST', `/api/v1/requests/${refund.body.id}/approve`, { comment: '同意返款' }))
        .body.state,
      'approved',
    );
    const wallets = await call(agent, 'GET', '/api/v1/wallets?ownerType=partner&ownerId=prt_demo_liyan');
    const wallet = wallets.body.items?.[0];
    assert.ok(wallet);
    const ledger = await call(agent, 'GET', `/api/v1/wallets/${wallet.id}/ledger?limit=3`);
    assert.deepEqual(
      ledger.body.items?.map((l) => [l.kind, l.amount]),
      [
        ['refund', '1460.00'],
        ['topup', '30000.00'],
        ['capture', '-1460.00'],
      ],
    );
    const inbox = await call(agent, 'GET', '/api/v1/notifications');
    const latest = inbox.body.items?.[0]?.title as { zh: string } | undefined;
    assert.match(latest?.zh ?? '', /返款申请 .* 已批准/);
  });

  it('R40 staff read any object’s trail; a partner is refused with 403', async () => {
    const trail = await call(desk, 'GET', `/api/v1/audit/order/${renewal}`);
    assert.deepEqual(
      trail.body.items?.map((a) => a.action),
      ['submit', 'auto_approve', 'capture'],
    );
    assert.equal(trail.body.items?.[0]?.actorId, 'usr_demo_agent');
    assert.equal(trail.body.items?.[0]?.actorName, '李艳2', 'the trail names the user, not only the id');
    assert.equal(trail.body.items?.[0]?.channel, 'console');
    assert.equal((await call(agent, 'GET', `/api/v1/audit/order/${renewal}`)).status, 403);
  });

  it('R39 the order list exports to CSV with only the partner’s own orders', async () => {
    const res = await app.request('/api/v1/orders/export?state=paid', { headers: { cookie: agent } });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'a UTF-8 BOM so Excel reads Chinese');
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    assert.match(lines[0] ?? '', /^单号 number,状态 state/);
    assert.ok(lines.slice(1).every((l) => /,paid,/.test(l)));
    assert.ok(lines.some((l) => l.includes('辉煌有限公司') && l.includes('wwb0e22cefc85a80d3')));
    const other = await (await app.request('/api/v1/orders/export', { headers: { cookie: agent2 } })).text();
    assert.ok(!other.includes('辉煌有限公司,wwb0e22cefc85a80d3'), 'scope holds in exports');
  });

  it('R26 top-up records, settled and pending, export to CSV for finance', async () => {
    const res = await app.request('/api/v1/requests/export?category=topup', { headers: { cookie: finance } });
    const lines = (await res.text()).trim().split('\r\n').slice(1);
    // the seed's two partner top-ups and 辉煌's own (self-service wallet), plus the one approved above
    assert.deepEqual(lines.map((l) => l.split(',')[3]).sort(), [
      'approved',
      'approved',
      'approved',
      'approved',
    ]);
    assert.ok(lines.some((l) => l.includes('30000.00') && l.includes('ICBC-20261120-0093')));
  });

  it('100 concurrent duplicates of one POST /api/v1/topups make one application and one response', async () => {
    const before =
      (await call(finance, 'GET', '/api/v1/requests?category=topup&limit=200')).body.items?.length ?? 0;
    const body = {
      walletOwnerType: 'partner',
      walletOwnerId: 'prt_demo_liyan',
      payer: '渠道对公账户',
      currency: 'CNY',
      amount: '777.00',
      bankRef: 'DUP-1',
      submit: true,
    };
    // A client retries a 409 IDEMPOTENCY_IN_PROGRESS after its Retry-After, with the same key.
    const send = async () => {
      for (;;) {
        const a = await call(agent, 'POST', '/api/v1/topups', body, 'dup-topup');
        if (a.status !== 409) return a;
        assert.equal(a.body.code, 'IDEMPOTENCY_IN_PROGRESS');
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    const answers = await Promise.all(Array.from({ length: 100 }, send));
    assert.ok(answers.every((a) => a.status === 201));
    assert.equal(new Set(answers.map((a) => a.body.id)).size, 1);
    const after =
      (await call(finance, 'GET', '/api/v1/requests?category=topup&limit=200')).body.items?.length ?? 0;
    assert.equal(after, before + 1);
  });

  it('R39 the same list exports to XLSX that a spreadsheet reads back', async () => {
    const res = await app.request('/api/v1/orders/export?format=xlsx', { headers: { cookie: agent } });
    assert.equal(
      res.headers.get('content-type'),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    const sheet = book.worksheets[0];
    assert.equal(sheet?.getRow(1).getCell(1).value, '单号 number');
    const customers = new Set<string>();
    sheet?.eachRow((row, i) => {
      if (i > 1) customers.add(String(row.getCell(5).value));
    });
    assert.deepEqual([...customers].sort(), ['灵韵（北京）有限公司', '辉煌有限公司'].sort());
  });
});
