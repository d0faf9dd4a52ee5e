import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateFromSerial, parseDateCell, textOf } from './import-cells';

// R21: the expiry column as Excel, WPS and LibreOffice save it — date cells, bare serials, typed text.
describe('R21 expiry cells', () => {
  it('R21 reads a date cell (UTC midnight from exceljs) as its calendar date', () => {
    assert.deepEqual(parseDateCell(new Date(Date.UTC(2027, 0, 31))), { date: '2027-01-31' });
  });
  it('R21 reads an Excel serial number in the 1900 system, time of day ignored', () => {
    assert.equal(dateFromSerial(46418), '2027-01-31');
    assert.deepEqual(parseDateCell(46418.75), { date: '2027-01-31' });
    assert.deepEqual(parseDateCell(12), { error: 'date_invalid' });
  });
  it('R21 reads text in the ways dates are typed: ISO, slashes, dots, 年月日, compact, serial as text', () => {
    for (const t of [
      '2027-01-31',
      '2027/1/31',
      '2027.1.31',
      '2027年1月31日',
      '2027 年 1 月 31 日',
      '20270131',
      '2027-01-31 00:00:00',
      '46418',
    ])
      assert.deepEqual(parseDateCell(t), { date: '2027-01-31' }, t);
  });
  it('R21 a date that does not exist or does not parse is date_invalid; an empty cell date_missing', () => {
    for (const t of ['2027-02-30', '31/01/2027', 'next year', '2027-13-01', true])
      assert.deepEqual(parseDateCell(t), { error: 'date_invalid' }, String(t));
    assert.deepEqual(parseDateCell(null), { error: 'date_missing' });
    assert.deepEqual(parseDateCell('  '), { error: 'date_missing' });
  });
  it('R21 formula results and rich text count as what they show', () => {
    assert.deepEqual(parseDateCell({ formula: 'DATE(2027,1,31)', result: 46418 }), { date: '2027-01-31' });
    assert.deepEqual(parseDateCell({ richText: [{ text: '2027-' }, { text: '01-31' }] }), {
      date: '2027-01-31',
    });
    assert.equal(textOf(123456789012345), '123456789012345');
  });
});
