import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toCsv } from './export';

describe('CSV export (R39)', () => {
  it('quotes commas, quotes and newlines, keeps Chinese with a BOM, and defuses formulas', () => {
    const csv = toCsv(
      ['名称', 'amount', 'note'],
      [
        ['辉煌有限公司', '-1460.00', '=HYPERLINK("x")'],
        ['a,b', '1', 'say "hi"\nbye'],
      ],
    );
    assert.equal(
      csv,
      '\uFEFF名称,amount,note\r\n辉煌有限公司,-1460.00,"\'=HYPERLINK(""x"")"\r\n"a,b",1,"say ""hi""\nbye"\r\n',
    );
  });
});
