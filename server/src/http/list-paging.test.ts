import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../app';
import { notify } from '../modules/notifications';
import { creditWallet } from '../modules/wallets';
import { FakeClock } from '../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../seed/demo-seed';
import { signIn } from '../testing/auth-factory';
import { useTestDatabase } from '../testing/test-db';

// DESIGN §7 cursor pagination: walking every page of a list under each sort order yields every row once,
// in order, even where many rows tie on the sort column (few distinct totals, instants and states here);
// a bad `sort` or `after` is a 422 naming the field, never a 5xx.
type Row = Record<string, unknown> & { id?: string; entryId?: string };
type Page = { items: Row[]; nextCursor: string | null };

describe('list paging: keyset cursors over every sort order', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  // 150 orders over 4 instants, 6 totals and 3 states; 80 requests with and without deadlines.
  await sql`insert into orders (id, number, channel, order_type, partner_id, company_id, product_id, currency,
      total, effective_date, state, created_at, submitted_at)
    select 'ord_t' || lpad(i::text, 5, '0'), 'SOT' || lpad(i::text, 8, '0'), 'partner', 'new',
      'prt_demo_liyan', 'cmp_demo_huihuang', 'prd_demo_steward', 'CNY', (i % 6) * 125050, '2026-11-25',
      (array['submitted', 'paid', 'rejected'])[i % 3 + 1],
      timestamptz '2026-11-20 10:00:00.123456+08' + (i % 4) * interval '1 day', null
    from generate_series(1, 150) i`.execute(db);
  await sql`insert into requests (id, number, category, owner_team, state, partner_id, company_id, created_at,
      submitted_at, due_at)
    select 'req_t' || lpad(i::text, 5, '0'), 'RQT' || lpad(i::text, 8, '0'), 'transfer', 'order_desk',
      case when i % 4 = 0 then 'draft' else 'submitted' end, 'prt_demo_liyan', 'cmp_demo_huihuang',
      timestamptz '2026-11-21 09:00:00+08' + (i % 3) * interval '1 hour',
      case when i % 4 = 0 then null else timestamptz '2026-11-22 09:00:00+08' + (i % 2) * interval '1 hour' end,
      case when i % 4 = 0 then null else timestamptz '2026-11-26 18:00:00+08' + (i % 5) * interval '1 day' end
    from generate_series(1, 80) i`.execute(db);
  for (let i = 0; i < 45; i++) {
    if (i % 15 === 0) clock.advance({ hours: 1 });
    await db.transaction().execute(async (tx) => {
      await creditWallet(tx, clock, {
        ownerType: 'partner',
        ownerId: 'prt_demo_liyan',
        currency: 'CNY',
        amount: BigInt((i % 4) * 10_000 + 10_000),
        kind: 'topup',
        from: 'offline_cash',
        ref: { type: 'test', id: `tp_${i}` },
      });
      await notify(
        tx,
        clock,
        'usr_demo_desk',
        'test',
        { zh: `通知 ${i}`, en: `Note ${i}` },
        {
          type: 'test',
          id: `n_${i}`,
        },
      );
    });
  }
  const app = createApp({ database, clock });
  const desk = await signIn(app, 'desk@kaidan.demo', DEMO_PASSWORD);
  const finance = await signIn(app, 'finance@kaidan.demo', DEMO_PASSWORD);
  const get = async (cookie: string, url: string) => {
    const res = await app.request(url, { headers: { cookie } });
    return { status: res.status, body: (await res.json()) as Page & { fields?: { field: string }[] } };
  };
  const walk = async (cookie: string, url: string, limit: number): Promise<Row[]> => {
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const sep = url.includes('?') ? '&' : '?';
      const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
      const { status, body } = await get(cookie, `${url}${sep}limit=${limit}${cursor}`);
      assert.equal(status, 200, JSON.stringify(body));
      rows.push(...body.items);
      after = body.nextCursor;
    } while (after);
    return rows;
  };
  const cents = (v: unknown) => BigInt(String(v).replace('.', ''));
  const time = (v: unknown) => (v === null ? Number.POSITIVE_INFINITY : Date.parse(String(v)));

  /** Every row once, the same sequence as one big page, and the key never moves against the order. */
  async function check(
    cookie: string,
    url: string,
    key: (r: Row) => number | bigint | string,
    desc: boolean,
  ) {
    const all = (await get(cookie, `${url}${url.includes('?') ? '&' : '?'}limit=200`)).body.items;
    const walked = await walk(cookie, url, 7);
    const idOf = (r: Row) => String(r.id ?? `${r.entryId}:${r.refId}`);
    assert.ok(all.length > 30 && all.length < 200, `${url}: ${all.length} rows`);
    assert.deepEqual(walked.map(idOf), all.map(idOf), `${url}: pages differ from one page`);
    assert.equal(new Set(walked.map(idOf)).size, walked.length, `${url}: a row came twice`);
    const keys = walked.map(key);
    if (typeof keys[0] === 'string') {
      // Text keys (states) follow the database collation; each value must still form one run.
      const runs = keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
      assert.equal(new Set(runs).size, runs.length, `${url}: ${runs.join(',')}`);
      return;
    }
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1] as number | bigint, keys[i] as number | bigint];
      assert.ok(desc ? a >= b : a <= b, `${url}: row ${i} out of order (${a} then ${b})`);
    }
  }

  for (const desc of [false, true]) {
    const d = desc ? '-' : '';
    it(`orders by ${d}created, ${d}amount and ${d}state, with ties, page after page`, async () => {
      await check(desk, `/api/v1/orders?sort=${d}created`, (r) => time(r.createdAt), desc);
      await check(desk, `/api/v1/orders?sort=${d}amount`, (r) => cents(r.total), desc);
      await check(desk, `/api/v1/orders?sort=${d}state&q=SOT`, (r) => String(r.state), desc);
    });
    it(`requests by ${d}created, ${d}submitted and ${d}due (no deadline last when ascending)`, async () => {
      await check(desk, `/api/v1/requests?sort=${d}created`, (r) => time(r.createdAt), desc);
      await check(
        desk,
        `/api/v1/requests?sort=${d}submitted`,
        (r) => time(r.submittedAt ?? r.createdAt),
        desc,
      );
      await check(desk, `/api/v1/requests?sort=${d}due`, (r) => time(r.dueAt), desc);
    });
    it(`wallet ledger lines by ${d}at and ${d}amount; notifications by ${d}created`, async () => {
      const wallets = (await get(finance, '/api/v1/wallets?ownerType=partner&ownerId=prt_demo_liyan')).body;
      const cny = wallets.items.find((w) => w.currency === 'CNY');
      assert.ok(cny, 'the partner has a CNY wallet');
      const ledger = `/api/v1/wallets/${String(cny.id)}/ledger`;
      await check(finance, `${ledger}?sort=${d}at`, (r) => time(r.at), desc);
      await check(finance, `${ledger}?sort=${d}amount`, (r) => cents(r.amount), desc);
      await check(desk, `/api/v1/notifications?sort=${d}created`, (r) => time(r.createdAt), desc);
    });
  }

  it('filters narrow the walk: text, state, currency and business dates (Asia/Shanghai)', async () => {
    const paid = await walk(desk, '/api/v1/orders?state=paid&q=sot000&sort=-amount', 9);
    assert.ok(
      paid.length > 0 && paid.every((o) => o.state === 'paid' && String(o.number).startsWith('SOT000')),
    );
    // 2026-11-21 in Shanghai holds exactly the orders created at 10:00 +08 that day (i % 4 = 1).
    const day = await walk(desk, '/api/v1/orders?q=SOT&from=2026-11-21&to=2026-11-21', 11);
    assert.equal(day.length, 38);
    assert.equal((await walk(desk, '/api/v1/orders?currency=USD&q=SOT', 50)).length, 0);
  });

  it('a bad sort or cursor is a 422 naming the field, never a 5xx', async () => {
    const first = await get(desk, '/api/v1/orders?sort=-amount&limit=5');
    const cursor = first.body.nextCursor ?? '';
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const cases: [string, string][] = [
      ['/api/v1/orders?sort=price', 'sort'],
      ['/api/v1/requests?sort=-amount', 'sort'],
      ['/api/v1/notifications?sort=due', 'sort'],
      ['/api/v1/orders?after=not-a-cursor', 'after'],
      [`/api/v1/orders?sort=created&after=${cursor}`, 'after'],
      [`/api/v1/orders?sort=-amount&after=${forged(['orders:-amount', 'abc', 'ord_x'])}`, 'after'],
      [
        `/api/v1/orders?sort=-created&after=${forged(['orders:-created', '2026-13-45 99:00:00+08', 'o'])}`,
        'after',
      ],
      [`/api/v1/requests?sort=due&after=${forged(['requests:due', 'x', 'req\u0000'])}`, 'after'],
      [`/api/v1/notifications?after=${forged({ a: 1 })}`, 'after'],
      ['/api/v1/orders?from=2026-02-30', 'from'],
      ['/api/v1/orders/export?sort=bogus', 'sort'],
    ];
    for (const [url, field] of cases) {
      const { status, body } = await get(desk, url);
      assert.ok(status < 500, `${url} → ${status}`);
      assert.equal(status, 422, `${url} → ${status} ${JSON.stringify(body)}`);
      assert.ok(
        body.fields?.some((f) => f.field === field),
        `${url}: ${JSON.stringify(body.fields)}`,
      );
    }
  });

  it('exports take the list filters and sort (R39)', async () => {
    const res = await app.request('/api/v1/orders/export?format=csv&q=SOT&state=paid&sort=amount', {
      headers: { cookie: desk },
    });
    assert.equal(res.status, 200);
    const lines = (await res.text()).trim().split('\r\n').slice(1);
    assert.equal(lines.length, 50);
    const totals = lines.map((l) => cents(l.split(',')[7]));
    assert.deepEqual(
      totals,
      [...totals].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  });
});
