import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { sql } from 'kysely';
import { ENGINE, pgTestDatabase } from '../../testing/test-db';
import { FakeClock } from '../clock';
import { type Deps, within } from '../deps';
import { openDatabase } from './database';
import { isTransaction, transact } from './transact';

// ADR 0014: one transaction helper. A use case is written once; called standalone it opens its own
// transaction, called with `within(deps, tx)` from another use case it runs in that one (no `…InTx` twin),
// and inside a request scope its transaction joins the scope's (ADR 0008/0009).
describe('S-11 transact: one use case, standalone or inside another', async () => {
  const pg = ENGINE === 'postgres' ? await pgTestDatabase() : undefined;
  const statements: string[] = [];
  const database = await openDatabase({
    url: pg?.url,
    dataDir: 'memory://',
    onQuery: (e) => statements.push(e.query.sql.trim().split(/\s+/)[0]?.toLowerCase() ?? ''),
  });
  after(async () => {
    await database.close();
    await pg?.drop(true);
  });
  const deps: Deps = { database, clock: new FakeClock('2026-12-02T02:00:00Z') };
  await sql`create table t_transact (note text not null)`.execute(database.db);
  const notes = async () =>
    (await sql<{ note: string }>`select note from t_transact order by note`.execute(database.db)).rows.map(
      (r) => r.note,
    );
  const counted = async (body: () => Promise<unknown>) => {
    statements.length = 0;
    await body().catch(() => {});
    return statements.filter((s) => s === 'begin' || s === 'commit' || s === 'rollback');
  };

  // Two toy use cases in the one shape: `add` is also a step of `addTwice`.
  const add = (d: Deps, note: string) =>
    transact(d.database.db, async (tx) => {
      await sql`insert into t_transact (note) values (${note})`.execute(tx);
      return isTransaction(tx);
    });
  const addTwice = (d: Deps, note: string, fail = false) =>
    transact(d.database.db, async (tx) => {
      await add(within(d, tx), `${note}-1`);
      await add(within(d, tx), `${note}-2`);
      if (fail) throw new Error('refused after both steps');
    });

  it('S-11 standalone, a use case runs in its own transaction', async () => {
    assert.deepEqual(await counted(() => add(deps, 'alone')), ['begin', 'commit']);
    assert.equal(await add(deps, 'alone-again'), true);
    assert.deepEqual(await notes(), ['alone', 'alone-again']);
  });

  it('S-11 called within another use case, it joins that transaction: one BEGIN, one COMMIT', async () => {
    assert.deepEqual(await counted(() => addTwice(deps, 'pair')), ['begin', 'commit']);
    assert.deepEqual(await notes(), ['alone', 'alone-again', 'pair-1', 'pair-2']);
  });

  it("S-11 the outer use case's refusal undoes its inner use cases' writes", async () => {
    assert.deepEqual(await counted(() => addTwice(deps, 'undone', true)), ['begin', 'rollback']);
    assert.deepEqual(await notes(), ['alone', 'alone-again', 'pair-1', 'pair-2']);
  });

  it("S-11 inside a request scope, the use cases' transactions are the scope's (no statement of their own)", async () => {
    const got = await counted(() =>
      database.inScope(async () => {
        await addTwice(deps, 'scoped');
        await add(deps, 'scoped-3');
        return { commit: false, value: null };
      }),
    );
    assert.deepEqual(got, ['begin', 'rollback']);
    assert.deepEqual(await notes(), ['alone', 'alone-again', 'pair-1', 'pair-2']);
  });
});
