import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import type { Role } from '../platform/principal';
import { seedDemo } from '../seed/demo-seed';
import { useTestDatabase } from '../testing/test-db';
import { PROBES } from './authz-matrix.probes';
import { type Call, type Entry, MATRIX } from './authz-matrix.table';
import { buildMatrixWorld, kindOf, partyOf, WHO, type Who } from './authz-matrix.world';

const ROLE_OF: Record<Exclude<Who, 'anonymous'>, Role> = {
  admin: 'admin',
  order_desk: 'order_desk',
  finance: 'finance',
  sales: 'sales',
  support: 'support',
  agentA: 'partner_agent',
  agentB: 'partner_agent',
  customerA: 'customer',
  customerB: 'customer',
};
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type Expect = 'ok' | 'public' | 401 | 403 | 404 | '403|404';
interface Cell {
  op: string;
  entry: Entry;
  who: Who;
  side: 'own' | 'other';
  expect: Expect;
  /** forbidden cells first, so an allowed write cannot change what they find */
  phase: number;
}

const allowed = (e: Entry, who: Who) =>
  who !== 'anonymous' && (e.allow === 'public' || e.allow === 'signed-in' || e.allow.includes(ROLE_OF[who]));

function cellsOf(op: string, entry: Entry): Cell[] {
  const cells: Cell[] = [];
  for (const who of WHO) {
    if (who === 'anonymous') {
      cells.push({
        op,
        entry,
        who,
        side: 'own',
        expect: entry.allow === 'public' ? 'public' : 401,
        phase: 0,
      });
      continue;
    }
    const role = ROLE_OF[who];
    const may = allowed(entry, who);
    const own: Expect =
      entry.allow === 'public' ? 'public' : may ? 'ok' : entry.hidden?.includes(role) ? 404 : 403;
    cells.push({ op, entry, who, side: 'own', expect: own, phase: may ? 3 : 1 });
    // Staff see every party's objects: only partner and customer users have another party.
    if (entry.scoped && kindOf(who) !== 'staff') {
      cells.push({ op, entry, who, side: 'other', expect: may ? 404 : '403|404', phase: 2 });
    }
  }
  return cells;
}

const verdict = (expect: Expect, status: number): boolean => {
  // 0: the cell's fixture failed, so the handler was never reached.
  if (status === 0 || status >= 500) return false;
  if (expect === 'public') return status !== 403 && status !== 404;
  if (expect === 'ok') return ![401, 403, 404].includes(status);
  if (expect === '403|404') return status === 403 || status === 404;
  return status === expect;
};

// DESIGN §1: every operation of /openapi.json × {anonymous, each role, two partners' agents, two
// customers' users} × {own object, another party's object}, against the table in authz-matrix.table.ts.
describe('S-10 authorization matrix from /openapi.json (DESIGN §1)', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-25T02:00:00Z');
  await seedDemo({ database, clock });
  const app = createApp({ database, clock });
  const world = await buildMatrixWorld(app, database, clock);
  const doc = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: 'Kaidan API', version: 'matrix' },
  });
  const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item?.[m]).map((m) => `${m.toUpperCase()} ${path}`),
  );

  let key = 0;
  const send = async (cookie: string, op: string, call: Call) => {
    const [method = 'GET', template = ''] = op.split(' ');
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => call.path?.[name] ?? `missing-${name}`);
    const query = call.query ? `?${new URLSearchParams(call.query)}` : '';
    const res = await app.request(`${path}${query}`, {
      method,
      headers: {
        cookie,
        'content-type': 'application/json',
        ...(method === 'POST' ? { 'idempotency-key': `matrix-${++key}` } : {}),
      },
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
    const text = await res.text();
    return { status: res.status, code: /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? '' };
  };

  it('S-10 every documented operation has a table entry, and every entry an operation', () => {
    const missing = documented.filter((op) => !MATRIX[op]);
    const stale = Object.keys(MATRIX).filter((op) => !documented.includes(op) && !MATRIX[op]?.optional);
    assert.deepEqual(
      { missing, stale },
      { missing: [], stale: [] },
      'add every new route to authz-matrix.table.ts; drop entries of removed routes',
    );
  });

  it('S-10 every operation answers each caller as the table says (DESIGN §1, R2, R25)', async () => {
    const cells = documented
      .filter((op) => MATRIX[op])
      .flatMap((op) => cellsOf(op, MATRIX[op] as Entry))
      .sort((a, b) => a.op.localeCompare(b.op) || a.phase - b.phase);
    const holes: string[] = [];
    const pending: string[] = [];
    const stalePending: string[] = [];
    for (const cell of cells) {
      const { op, entry, who, side } = cell;
      const mine = partyOf(who);
      const x = world.parties[side === 'own' ? mine : mine === 'A' ? 'B' : 'A'];
      const kind = kindOf(who);
      let status: number;
      let code = '';
      try {
        const call = (await entry.req?.({ x, kind, w: world })) ?? {};
        const cookie = entry.freshSession ? await world.freshSession(who) : world.cookies[who];
        ({ status, code } = await send(cookie, op, call));
      } catch (err) {
        status = 0;
        code = `fixture failed: ${String(err)}`;
      }
      const line = `${op} as ${who} on ${side} object: expected ${cell.expect}, got ${status} ${code}`;
      const item = entry.pendingFix?.[who];
      const good = verdict(cell.expect, status);
      if (!good && item) pending.push(`[${item}] ${line}`);
      else if (!good) holes.push(line);
      else if (item && side === 'own') stalePending.push(`[${item}] ${op} as ${who} now passes`);
    }
    for (const probe of PROBES) {
      const cookie = probe.as === 'suspendedAgent' ? world.probes.suspendedCookie : world.cookies[probe.as];
      const { status, code } = await send(cookie, probe.op, probe.req(world));
      const good =
        status > 0 &&
        status < 500 &&
        (probe.expect === 'ok'
          ? ![401, 403, 404].includes(status)
          : probe.expect === 404
            ? status === 404
            : status >= 400 && status < 500 && status !== 401 && status !== 404);
      const line = `${probe.name}: ${probe.op} as ${probe.as}: expected ${probe.expect}, got ${status} ${code}`;
      if (!good && probe.pendingFix) pending.push(`[${probe.pendingFix}] ${line}`);
      else if (!good) holes.push(line);
      else if (probe.pendingFix) stalePending.push(`[${probe.pendingFix}] ${probe.name} now passes`);
    }
    if (stalePending.length > 0) console.log(`pendingFix markers to remove:\n${stalePending.join('\n')}`);
    const report = [
      `${cells.length} cells; ${holes.length} mismatches, ${pending.length} pending other branches`,
      ...(holes.length ? ['mismatches:', ...holes] : []),
      ...(pending.length ? ['pending other branches:', ...pending] : []),
    ].join('\n');
    assert.ok(holes.length === 0 && pending.length === 0, report);
  });
});
