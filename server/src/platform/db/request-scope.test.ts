import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDatabase } from '../../testing/test-db';
import { afterCommit, PoisonedScopeError } from './request-scope';

describe('S-11 request scope: use-case transactions join it without statements', async () => {
  const database = await useTestDatabase();
  const { db } = database;
  await sql`create table t_scope (note text not null)`.execute(db);
  const notes = async () =>
    (await sql<{ note: string }>`select note from t_scope order by note`.execute(db)).rows.map((r) => r.note);
  const insert = (ex: typeof db, note: string) =>
    sql`insert into t_scope (note) values (${note})`.execute(ex);

  it('S-11 nested transactions commit with the scope, and cost no SAVEPOINT', async () => {
    const got = await database.inScope(async () => {
      await db.transaction().execute((tx) => insert(tx, 'a'));
      await db.transaction().execute((tx) => insert(tx, 'b'));
      return { commit: true, value: 'ok' };
    });
    assert.equal(got, 'ok');
    assert.deepEqual(await notes(), ['a', 'b']);
  });

  it('S-11 a nested rollback leaves the scope unable to commit: run() throws and nothing is kept', async () => {
    await assert.rejects(
      database.inScope(async () => {
        await insert(db, 'kept-before');
        await db
          .transaction()
          .execute(async (tx) => {
            await insert(tx, 'half');
            throw new Error('use case refused');
          })
          .catch(() => {});
        return { commit: true, value: 'ok' };
      }),
      PoisonedScopeError,
    );
    assert.deepEqual(await notes(), ['a', 'b']);
  });

  it('S-11 after a nested rollback no query may build on its half-written state', async () => {
    await assert.rejects(
      database.inScope(async () => {
        await db
          .transaction()
          .execute(async (tx) => {
            await insert(tx, 'half');
            throw new Error('use case refused');
          })
          .catch(() => {});
        await notes();
        return { commit: false, value: 'no' };
      }),
      PoisonedScopeError,
    );
    assert.deepEqual(await notes(), ['a', 'b']);
  });

  it('S-11 a scope that rolls back after a nested rollback answers its value', async () => {
    const got = await database.inScope(async () => {
      await db
        .transaction()
        .execute(async (tx) => {
          await insert(tx, 'half');
          throw new Error('refused');
        })
        .catch(() => {});
      return { commit: false, value: 'refused' };
    });
    assert.equal(got, 'refused');
    assert.deepEqual(await notes(), ['a', 'b']);
  });

  it('S-11 afterCommit runs once the scope has committed, never when it rolls back; at once outside', async () => {
    const seen: string[] = [];
    await database.inScope(async () => {
      await db.transaction().execute((tx) => insert(tx, 'c'));
      afterCommit(() => seen.push('committed c'));
      assert.deepEqual(seen, [], 'not before the COMMIT');
      return { commit: true, value: null };
    });
    assert.deepEqual(seen, ['committed c']);
    await database.inScope(async () => {
      afterCommit(() => seen.push('rolled back'));
      return { commit: false, value: null };
    });
    afterCommit(() => seen.push('outside'));
    assert.deepEqual(seen, ['committed c', 'outside']);
    assert.deepEqual(await notes(), ['a', 'b', 'c']);
  });
});
