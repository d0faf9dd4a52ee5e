import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PGlite } from '@electric-sql/pglite';
import { preparingPglite, sqlLiteral } from './pglite-prepare';

// S-11 (ADR 0015): on PGlite a parameterised statement runs as EXECUTE with its values written as
// literals. What a value is must survive that exactly, and no value can become SQL.
describe('S-11 PGlite prepared statements', async () => {
  const lite = await PGlite.create();
  const pg = await preparingPglite(lite);
  await lite.exec(
    'create table t (id int primary key, s text, n bigint, b boolean, at timestamptz, j jsonb)',
  );

  it('S-11 quotes, backslashes, placeholders and SQL in a string come back as the same string', async () => {
    const hostile = [
      "O'Brien",
      "'); drop table t; --",
      'C:\\temp\\new',
      '$1 $2 ::text',
      '李艳渠道 · “引号” ’',
      "''",
      "E'\\x41'",
      '',
    ];
    for (const [i, s] of hostile.entries()) {
      await pg.query('insert into t (id, s) values ($1, $2)', [i, s]);
      const { rows } = await pg.query<{ s: string }>('select s from t where id = $1', [i]);
      assert.equal(rows[0]?.s, s);
    }
    const { rows } = await lite.query<{ n: number }>('select count(*)::int as n from t');
    assert.equal(rows[0]?.n, hostile.length, 'the table is still there, with every row');
    const prepared = await lite.query<{ n: number }>('select count(*)::int as n from pg_prepared_statements');
    assert.equal(prepared.rows[0]?.n, 2, 'the insert and the select, each prepared once');
  });

  it('S-11 bigints beyond 2^53, booleans, nulls, instants and JSON text keep their values', async () => {
    const big = 9_007_199_254_740_993n;
    const at = new Date('2026-12-02T01:02:03.456Z');
    await pg.query('insert into t (id, n, b, at, j) values ($1, $2, $3, $4, $5::jsonb)', [
      100,
      big,
      false,
      at,
      '{"a":"it\'s"}',
    ]);
    const { rows } = await pg.query<{ n: string; b: boolean; at: Date; j: unknown; s: string | null }>(
      'select n::text as n, b, at, j, s from t where id = $1',
      [100],
    );
    assert.deepEqual(rows[0], { n: big.toString(), b: false, at, j: { a: "it's" }, s: null });
  });

  it('S-11 a value that is not a plain scalar runs as an ordinary bound query', async () => {
    assert.equal(sqlLiteral(['a']), undefined);
    assert.equal(sqlLiteral('nul\0byte'), undefined);
    assert.equal(sqlLiteral(Number.NaN), undefined);
    const { rows } = await pg.query<{ n: number }>('select cardinality($1::text[]) as n', [['a', "b'c"]]);
    assert.equal(rows[0]?.n, 2);
  });

  it('closes', async () => {
    await lite.close();
  });
});
