import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { DEMO_PASSWORD, seedDemo } from '../../seed/demo-seed';
import { signIn } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { listAudit } from '../audit/audit-store';

interface Req {
  id: string;
  state: string;
  dueAt: string | null;
  dueProvisional: boolean;
  overdue: boolean;
}

describe('R34 the business calendar over HTTP: overrides, provisional and overdue deadlines', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  const as = (email: string) => signIn(app, email, DEMO_PASSWORD);
  let admin = await as('admin@kaidan.demo');
  let finance = await as('finance@kaidan.demo');
  const desk = await as('desk@kaidan.demo');
  let agent = await as('agent@kaidan.demo');
  // Moving the clock past a session's idle limit ends it, as real time would: sign in again.
  const setClock = async (at: string) => {
    clock.set(at);
    admin = await as('admin@kaidan.demo');
    finance = await as('finance@kaidan.demo');
    agent = await as('agent@kaidan.demo');
  };
  const call = (cookie: string | null, method: string, path: string, body?: unknown) =>
    app.request(path, {
      method,
      headers: { ...(cookie ? { cookie } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const put = (cookie: string | null, day: string, body: unknown) =>
    call(cookie, 'PUT', `/api/v1/calendar/overrides/${day}`, body);
  let n = 0;
  /** The agent files and submits a top-up now; its request as the API answers it. */
  const topup = async (): Promise<Req> => {
    n += 1;
    const filed = await call(agent, 'POST', '/api/v1/topups', {
      walletOwnerType: 'partner',
      walletOwnerId: 'prt_demo_liyan',
      payer: '李艳',
      currency: 'CNY',
      amount: '5.00',
      bankRef: `CAL-${n}`,
      submit: true,
    });
    assert.equal(filed.status, 201, await filed.clone().text());
    const { id } = (await filed.json()) as { id: string };
    const r = await call(finance, 'GET', `/api/v1/requests/${id}`);
    return ((await r.json()) as { request: Req }).request;
  };
  const queue = async (query: string): Promise<Req[]> =>
    ((await (await call(finance, 'GET', `/api/v1/requests?${query}`)).json()) as { items: Req[] }).items;

  it('R34 only an admin reads or edits the overrides (401 anonymous, 403 for other roles)', async () => {
    const body = { kind: 'holiday', note: '测试' };
    assert.equal((await call(null, 'GET', '/api/v1/calendar/overrides?year=2026')).status, 401);
    for (const who of [finance, desk, agent]) {
      assert.equal((await call(who, 'GET', '/api/v1/calendar/overrides?year=2026')).status, 403);
      assert.equal((await put(who, '2026-12-01', body)).status, 403);
      assert.equal((await call(who, 'DELETE', '/api/v1/calendar/overrides/2026-12-01')).status, 403);
    }
    assert.equal((await put(null, '2026-12-01', body)).status, 401);
    const list = await call(admin, 'GET', '/api/v1/calendar/overrides?year=2026');
    assert.equal(list.status, 200);
    assert.deepEqual(await list.json(), { year: 2026, covered: true, items: [] });
    const later = (await (await call(admin, 'GET', '/api/v1/calendar/overrides?year=2027')).json()) as {
      covered: boolean;
    };
    assert.equal(later.covered, false, '2027 is not in chinese-days yet');
  });

  it('R34 a bad day or an empty note is refused on the field (422)', async () => {
    const bad = await put(admin, '2026-13-01', { kind: 'holiday', note: 'x' });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      ((await bad.json()) as { fields: { field: string }[] }).fields.map((f) => f.field),
      ['day'],
    );
    assert.equal((await put(admin, '2026-12-01', { kind: 'holiday', note: '  ' })).status, 422);
    assert.equal((await put(admin, '2026-12-01', { kind: 'weekend', note: 'x' })).status, 422);
    assert.equal((await call(admin, 'DELETE', '/api/v1/calendar/overrides/2026-12-01')).status, 404);
  });

  it('R34 adding, changing and removing an override each write an audit row', async () => {
    const added = await put(admin, '2026-12-01', { kind: 'holiday', note: '公司年会' });
    assert.equal(added.status, 200, await added.clone().text());
    assert.deepEqual(
      { ...((await added.json()) as object), updatedAt: undefined },
      {
        day: '2026-12-01',
        kind: 'holiday',
        note: '公司年会',
        updatedBy: 'usr_demo_admin',
        updatedByName: '管理员',
        updatedAt: undefined,
      },
    );
    assert.equal((await put(admin, '2026-12-01', { kind: 'workday', note: '年会改期' })).status, 200);
    assert.equal((await call(admin, 'DELETE', '/api/v1/calendar/overrides/2026-12-01')).status, 204);
    const trail = (await (await call(admin, 'GET', '/api/v1/audit/calendar_day/2026-12-01')).json()) as {
      items: { action: string; actorId: string }[];
    };
    assert.deepEqual(
      trail.items.map((t) => [t.action, t.actorId]),
      [
        ['add_override', 'usr_demo_admin'],
        ['update_override', 'usr_demo_admin'],
        ['remove_override', 'usr_demo_admin'],
      ],
    );
    assert.deepEqual(
      (await listAudit(database.db, 'calendar_day', '2026-12-01')).map((t) => [t.action, t.before, t.after]),
      [
        ['add_override', null, { kind: 'holiday', note: '公司年会' }],
        ['update_override', { kind: 'holiday', note: '公司年会' }, { kind: 'workday', note: '年会改期' }],
        ['remove_override', { kind: 'workday', note: '年会改期' }, null],
      ],
    );
  });

  it('R34 an admin override (a holiday declared on a workday) moves the deadline of a request filed after it', async () => {
    // Friday 2026-11-20 → Mon 23, Tue 24, Wed 25 on chinese-days alone.
    assert.equal((await topup()).dueAt, '2026-11-25T15:59:59.999Z');
    assert.equal((await put(admin, '2026-11-23', { kind: 'holiday', note: '停电停业' })).status, 200);
    const moved = await topup();
    assert.equal(moved.dueAt, '2026-11-26T15:59:59.999Z');
    assert.equal(moved.dueProvisional, false);
    const year = (await (await call(admin, 'GET', '/api/v1/calendar/overrides?year=2026')).json()) as {
      items: { day: string; kind: string }[];
    };
    assert.deepEqual(
      year.items.map((o) => [o.day, o.kind]),
      [['2026-11-23', 'holiday']],
    );
  });

  it('R34 a deadline reaching 2027, which the calendar does not cover, is provisional in the answer and the queue', async () => {
    await setClock('2026-12-30T02:00:00Z'); // Wednesday: Thu 31, then Fri 2027-01-01 and Mon 01-04 estimated
    const r = await topup();
    assert.equal(r.dueAt, '2027-01-04T15:59:59.999Z');
    assert.equal(r.dueProvisional, true);
    const listed = (await queue('category=topup&sort=-created&limit=5')).find((x) => x.id === r.id);
    assert.equal(listed?.dueProvisional, true);
    // Every day it counts overridden (the 2027 New Year arrangement entered by hand), the next one is firm.
    for (const [day, kind] of [
      ['2027-01-01', 'holiday'],
      ['2027-01-02', 'holiday'],
      ['2027-01-03', 'holiday'],
      ['2027-01-04', 'workday'],
      ['2027-01-05', 'workday'],
    ] as const)
      assert.equal((await put(admin, day, { kind, note: '2027 元旦' })).status, 200);
    const firm = await topup();
    assert.deepEqual([firm.dueAt, firm.dueProvisional], ['2027-01-05T15:59:59.999Z', false]);
  });

  it('R34 breaches are flagged: overdue once the clock passes the deadline while open, and overdue=true lists them', async () => {
    await setClock('2026-12-07T02:00:00Z'); // Monday → Tue 8, Wed 9, Thu 10
    const open = await topup();
    const decided = await topup();
    assert.equal(open.dueAt, '2026-12-10T15:59:59.999Z');
    const ok = await call(finance, 'POST', `/api/v1/requests/${decided.id}/approve`, { comment: '已到账' });
    assert.equal(ok.status, 200, await ok.clone().text());
    assert.equal(open.overdue, false);
    assert.ok(!(await queue('overdue=true')).some((x) => x.id === open.id));
    await setClock('2026-12-10T15:59:59.999Z'); // the last instant of the deadline is still in time
    assert.ok(!(await queue('overdue=true')).some((x) => x.id === open.id));
    await setClock('2026-12-10T16:00:00Z');
    const late = await queue('overdue=true&limit=200');
    assert.ok(late.some((x) => x.id === open.id && x.overdue));
    assert.ok(late.every((x) => x.overdue && x.state === 'submitted'));
    assert.ok(!late.some((x) => x.id === decided.id), 'a decided request is no breach');
    const all = await queue('overdue=false&limit=200');
    assert.equal(all.find((x) => x.id === decided.id)?.overdue, false);
  });
});
