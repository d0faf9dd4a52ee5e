import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';

// Issue #3 / DESIGN §7 on the parties lists: walking every page under each sort order yields every row once
// and in order even where many rows tie on the sort column; exports (R39) keep the list's filters, sort
// and scope (a partner exports only its own customers; partners and users are exported by admins only);
// a bad sort or cursor is a 422 naming the field.
type Row = Record<string, unknown> & { id: string };
type Page = { items: Row[]; nextCursor: string | null };
const LIYAN = 'prt_demo_liyan';
/** The cells of one CSV line (RFC 4180 quotes: demo English names hold commas). */
const cells = (line: string): string[] =>
  [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) =>
    (m[1] ?? '').replace(/^"|"$/g, '').replaceAll('""', '"'),
  );

describe('parties lists: companies, partners and users sort, page, filter and export', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  // 90 companies over 3 owners (two partners and direct), 5 names, 3 instants, tenant ids on a third;
  // 40 partners over 4 names and 2 instants; 70 users over 6 names, 3 instants and mixed-case emails.
  await sql`insert into companies (id, name_zh, tenant_id, partner_id, region, created_at)
    select 'cmp_t' || lpad(i::text, 4, '0'), '测试客户' || (i % 5),
      case when i % 3 = 0 then 'ww' || lpad(to_hex(i), 16, '0') end,
      (array[${LIYAN}, 'prt_demo_lina', null])[i % 3 + 1], case when i % 7 = 0 then 'US' else 'CN' end,
      timestamptz '2026-11-20 10:00:00.123456+08' + (i % 3) * interval '1 day'
    from generate_series(1, 90) i`.execute(db);
  await sql`insert into partners (id, code, name_zh, state, created_at)
    select 'prt_t' || lpad(i::text, 4, '0'), 'P-T' || lpad(i::text, 3, '0'), '测试渠道' || (i % 4),
      case when i % 5 = 0 then 'suspended' else 'active' end,
      timestamptz '2026-11-21 09:00:00+08' + (i % 2) * interval '1 hour'
    from generate_series(1, 40) i`.execute(db);
  await sql`insert into users (id, email, name, password_hash, roles, state, created_at)
    select 'usr_t' || lpad(i::text, 4, '0'),
      case when i % 2 = 0 then 'User' else 'user' end || lpad(i::text, 3, '0') || '@t.kaidan', '测试用户' || (i % 6),
      '$argon2id$v=19$m=19456,t=2,p=1$secret-hash-' || i,
      case when i % 4 = 0 then array['finance'] else array['sales', 'support'] end,
      case when i % 9 = 0 then 'disabled' else 'active' end,
      timestamptz '2026-11-22 09:00:00+08' + (i % 3) * interval '1 minute'
    from generate_series(1, 70) i`.execute(db);

  const app = createApp({ database, clock });
  const admin = await signIn(app, 'admin@kaidan.demo', DEMO_PASSWORD);
  const agent = await signIn(app, 'agent@kaidan.demo', DEMO_PASSWORD);
  const desk = await signIn(app, 'desk@kaidan.demo', DEMO_PASSWORD);
  const get = async (cookie: string, url: string) => {
    const res = await app.request(url, { headers: { cookie } });
    const body = (await res.json()) as Page & { fields?: { field: string }[] };
    return { status: res.status, body };
  };
  const walk = async (cookie: string, url: string, limit: number): Promise<Row[]> => {
    const rows: Row[] = [];
    let after: string | null = null;
    do {
      const cursor = after ? `&after=${encodeURIComponent(after)}` : '';
      const { status, body } = await get(cookie, `${url}&limit=${limit}${cursor}`);
      assert.equal(status, 200, JSON.stringify(body));
      rows.push(...body.items);
      after = body.nextCursor;
    } while (after);
    return rows;
  };
  const csv = async (cookie: string, url: string) => {
    const res = await app.request(url, { headers: { cookie } });
    const body = await res.text();
    return {
      status: res.status,
      lines: body
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n'),
      body,
    };
  };

  /**
   * Every row once, the same sequence as one big page, each key value one run (text follows the
   * database collation), time keys monotonic, and the descending walk the exact reverse of the ascending
   * one: the order is total over (key, id), so nothing may tie.
   */
  async function check(cookie: string, list: string, sort: string, key: (r: Row) => string | number) {
    const asc = await walk(cookie, `${list}?sort=${sort}`, 7);
    const one = (await get(cookie, `${list}?sort=${sort}&limit=200`)).body.items;
    const ids = asc.map((r) => r.id);
    assert.ok(asc.length > 30 && asc.length < 200, `${list} ${sort}: ${asc.length} rows`);
    assert.deepEqual(
      ids,
      one.map((r) => r.id),
      `${list} ${sort}: pages differ from one page`,
    );
    assert.equal(new Set(ids).size, ids.length, `${list} ${sort}: a row came twice`);
    const keys = asc.map(key);
    const runs = keys.filter((k, i) => i === 0 || k !== keys[i - 1]);
    assert.equal(new Set(runs).size, runs.length, `${list} ${sort}: ${runs.join(',')}`);
    keys.forEach((k, i) => {
      const prev = keys[i - 1];
      if (typeof k === 'number' && typeof prev === 'number')
        assert.ok(prev <= k, `${list} ${sort}: row ${i}`);
    });
    const desc = await walk(cookie, `${list}?sort=-${sort}`, 6);
    assert.deepEqual(
      desc.map((r) => r.id),
      [...ids].reverse(),
      `${list} -${sort} is not the reverse`,
    );
  }
  const time = (r: Row) => Date.parse(String(r.createdAt));

  it('companies by name, tenant and created, with ties, page after page in both directions', async () => {
    await check(admin, '/api/v1/companies', 'name', (r) => String(r.nameZh).slice(0, 100));
    await check(admin, '/api/v1/companies', 'tenant', (r) => String(r.tenantId ?? ''));
    await check(admin, '/api/v1/companies', 'created', time);
  });

  it('partners by code, name and created; users by email, name and created', async () => {
    await check(admin, '/api/v1/partners', 'code', (r) => String(r.code));
    await check(admin, '/api/v1/partners', 'name', (r) => String(r.nameZh));
    await check(admin, '/api/v1/partners', 'created', time);
    await check(admin, '/api/v1/users', 'email', (r) => String(r.email).toLowerCase());
    await check(admin, '/api/v1/users', 'name', (r) => String(r.name));
    await check(admin, '/api/v1/users', 'created', time);
  });

  it('filters narrow the walk: owner, direct, region, text, state, role and business dates', async () => {
    const own = await walk(agent, '/api/v1/companies?sort=-created', 5);
    assert.ok(own.length > 30 && own.every((c) => c.partnerId === LIYAN), 'a partner sees its own');
    const direct = await walk(desk, '/api/v1/companies?direct=true&region=us&q=测试', 4);
    assert.ok(direct.length > 0 && direct.every((c) => c.partnerId === null && c.region === 'US'));
    const day = await walk(desk, '/api/v1/companies?q=测试客户&from=2026-11-21&to=2026-11-21', 8);
    assert.equal(day.length, 30, 'one business day in Shanghai holds a third of them');
    const suspended = await walk(admin, '/api/v1/partners?state=suspended&q=p-t', 3);
    assert.equal(suspended.length, 8);
    const finance = await walk(admin, '/api/v1/users?role=finance&state=active&q=T.KAIDAN', 5);
    assert.ok(finance.every((u) => (u.roles as string[]).includes('finance') && u.state === 'active'));
    assert.equal(finance.length, 17 - 1, 'i % 4 = 0 up to 70, less i = 36 (disabled)');
  });

  it("R39: a partner's export holds exactly its customers, in the list's filter and sort", async () => {
    const { status, lines } = await csv(agent, '/api/v1/companies/export?format=csv&sort=-name');
    assert.equal(status, 200);
    assert.match(lines[0] ?? '', /^名称 name,英文名称 English name,租户 tenant/);
    const { rows } = await sql<{ name_zh: string }>`select name_zh from companies
      where partner_id = ${LIYAN}`.execute(db);
    const names = lines.slice(1).map((l) => cells(l)[0]);
    assert.deepEqual([...names].sort(), rows.map((r) => r.name_zh).sort(), 'only its own customers');
    assert.ok(
      lines.slice(1).every((l) => cells(l)[4] === '北京云帆科技（渠道）'),
      lines.join('\n'),
    );
    const listed = await walk(agent, '/api/v1/companies?sort=-name', 50);
    assert.deepEqual(
      names,
      listed.map((c) => c.nameZh),
      'the export follows the list order',
    );
    const filtered = await csv(agent, '/api/v1/companies/export?q=测试客户1&sort=tenant');
    assert.equal(filtered.lines.length - 1, 6, 'the text filter applies to the export');
    const xlsx = await app.request('/api/v1/companies/export?format=xlsx', { headers: { cookie: agent } });
    assert.equal(xlsx.status, 200);
    assert.match(xlsx.headers.get('content-type') ?? '', /spreadsheetml/);
  });

  it('R39: partners and users are exported by admins only, never with a password hash', async () => {
    for (const [cookie, url] of [
      [agent, '/api/v1/partners/export'],
      [desk, '/api/v1/partners/export'],
      [agent, '/api/v1/users/export'],
      [desk, '/api/v1/users/export'],
    ] as const)
      assert.equal((await csv(cookie, url)).status, 403, url);
    const partners = await csv(admin, '/api/v1/partners/export?state=suspended&sort=-code');
    assert.equal(partners.status, 200);
    assert.equal(partners.lines.length - 1, 8);
    assert.equal(cells(partners.lines[1] ?? '')[0], 'P-T040');
    const users = await csv(admin, '/api/v1/users/export?sort=created');
    assert.equal(users.status, 200);
    assert.equal(
      users.lines.length - 1,
      70 + 11,
      'the eleven demo users (seed 003: two tech support, 灵韵 IT) and ours',
    );
    assert.doesNotMatch(users.body, /argon2|secret-hash|password/i);
    assert.match(users.body, /agent@kaidan\.demo,李艳2,partner_agent,北京云帆科技（渠道）,,active/);
  });

  it('a bad sort or cursor is a 422 naming the field, never a 5xx', async () => {
    const first = await get(admin, '/api/v1/companies?sort=-name&limit=5');
    const cursor = encodeURIComponent(first.body.nextCursor ?? '');
    const byCode = await get(admin, '/api/v1/partners?limit=5');
    const codeCursor = encodeURIComponent(byCode.body.nextCursor ?? '');
    const byName = await get(admin, '/api/v1/partners?sort=name&limit=1');
    const partnerNameCursor = encodeURIComponent(byName.body.nextCursor ?? '');
    const forged = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const cases: [string, string][] = [
      ['/api/v1/companies?sort=amount', 'sort'],
      ['/api/v1/partners?sort=-email', 'sort'],
      ['/api/v1/users?sort=tenant', 'sort'],
      ['/api/v1/companies/export?sort=bogus', 'sort'],
      ['/api/v1/users/export?sort=-code', 'sort'],
      [`/api/v1/companies?sort=name&after=${cursor}`, 'after'],
      [`/api/v1/partners?sort=created&after=${codeCursor}`, 'after'],
      ['/api/v1/users?after=not-a-cursor', 'after'],
      // a cursor taken on another list is refused even under a sort of the same name
      [`/api/v1/companies?sort=name&after=${partnerNameCursor}`, 'after'],
      [
        `/api/v1/users?sort=-created&after=${forged(['users:-created', '2026-02-30 25:00', 'usr_x'])}`,
        'after',
      ],
      [`/api/v1/companies?sort=tenant&after=${forged(['companies:tenant', 'x', 'cmp\u0001'])}`, 'after'],
      ['/api/v1/companies?from=2026-02-30', 'from'],
      ['/api/v1/users?role=owner', 'role'],
    ];
    for (const [url, field] of cases) {
      const { status, body } = await get(admin, url);
      assert.equal(status, 422, `${url} → ${status} ${JSON.stringify(body)}`);
      assert.ok(
        body.fields?.some((f) => f.field === field),
        `${url}: ${JSON.stringify(body.fields)}`,
      );
    }
  });
});
