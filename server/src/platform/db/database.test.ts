import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDatabase } from '../../testing/test-db';

describe('database platform', async () => {
  const { db } = await useTestDatabase();

  it('returns INT8 as bigint, NUMERIC as string and DATE as a plain date string', async () => {
    const { rows } = await sql<{ big: bigint; num: string; day: string; n: number }>`
      select 9007199254740993::int8 as big, 12.345::numeric as num, '2026-02-28'::date as day, 7::int as n`.execute(
      db,
    );
    assert.deepEqual(rows[0], { big: 9007199254740993n, num: '12.345', day: '2026-02-28', n: 7 });
  });

  it('binds bigint parameters exactly', async () => {
    const { rows } = await sql<{ v: bigint }>`select ${9007199254740993n}::int8 + 1 as v`.execute(db);
    assert.equal(rows[0]?.v, 9007199254740994n);
  });

  it('serialises concurrent transactions without losing commits', async () => {
    await sql`create table t_counter (id int primary key, n int8 not null)`.execute(db);
    await sql`insert into t_counter values (1, 0)`.execute(db);
    await Promise.all(
      Array.from({ length: 40 }, () =>
        db.transaction().execute(async (tx) => {
          const { rows } = await sql<{ n: bigint }>`select n from t_counter where id = 1 for update`.execute(
            tx,
          );
          await sql`update t_counter set n = ${(rows[0]?.n ?? 0n) + 1n} where id = 1`.execute(tx);
        }),
      ),
    );
    const { rows } = await sql<{ n: bigint }>`select n from t_counter where id = 1`.execute(db);
    assert.equal(rows[0]?.n, 40n);
  });

  it('rolls back a failed transaction entirely', async () => {
    await sql`create table t_rb (id int primary key)`.execute(db);
    await assert.rejects(
      db.transaction().execute(async (tx) => {
        await sql`insert into t_rb values (1)`.execute(tx);
        await sql`insert into t_rb values (1)`.execute(tx);
      }),
    );
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from t_rb`.execute(db);
    assert.equal(rows[0]?.n, 0);
  });
});
