import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { amountInWords } from './amount-words';
import { isUnifiedSocialCreditCode, uscCheckChar } from './tax-id';
import { allocateTax, splitTax, taxOf } from './tax-split';

// Tax inside tax-inclusive amounts (docs/invoices.md): per rate the tax is computed once on the total,
// rounded half-up, then split across lines by largest remainder of their exact shares.
describe('invoice tax arithmetic', () => {
  it('half-up rounding of the tax inside an amount: ties go up, just under a tie goes down', () => {
    // 6%: tax = amount × 6 / 106. 0.53 × 6/106 = 0.03 exactly (3 fen); 1.06 → 0.06.
    assert.equal(taxOf(106n, 600), 6n);
    assert.equal(taxOf(53n, 600), 3n);
    // 9 fen × 6/106 = 0.509… → 1 fen (above the half); 8 fen × 6/106 = 0.4528… → 0
    assert.equal(taxOf(9n, 600), 1n);
    assert.equal(taxOf(8n, 600), 0n);
    // An exact tie: 13% of 113 parts: 565 fen × 13/113 = 65.0; 113 × 1300 / 11300 → 13; 1 fen at 100% → 0.5 → 1.
    assert.equal(taxOf(565n, 1300), 65n);
    assert.equal(taxOf(1n, 10_000), 1n);
    assert.equal(taxOf(3n, 10_000), 2n, '1.5 fen rounds half-up to 2');
    assert.equal(taxOf(0n, 600), 0n);
  });

  it('lines sum exactly to the total tax computed once on the total (three 1.00 lines at 6%)', () => {
    // Each line alone: 100 × 6/106 = 5.66 → 6, three lines 18; on the total 300 × 6/106 = 16.98 → 17.
    const lines = splitTax([
      { amount: 100n, rateBp: 600 },
      { amount: 100n, rateBp: 600 },
      { amount: 100n, rateBp: 600 },
    ]);
    assert.deepEqual(
      lines.map((l) => l.tax),
      [6n, 6n, 5n],
    );
    assert.equal(
      lines.reduce((s, l) => s + l.tax, 0n),
      17n,
    );
    for (const l of lines) assert.equal(l.net + l.tax, l.amount);
  });

  it('mixed rates: each rate is computed on its own total', () => {
    const lines = splitTax([
      { amount: 10_600n, rateBp: 600 },
      { amount: 11_300n, rateBp: 1300 },
      { amount: 5_300n, rateBp: 600 },
    ]);
    assert.deepEqual(
      lines.map((l) => l.tax),
      [600n, 1300n, 300n],
    );
  });

  it('property: lines sum to the total tax and each line is within 1 fen of its exact share', () => {
    fc.assert(
      fc.property(
        fc.array(fc.bigInt({ min: 1n, max: 10_000_000_000n }), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(0, 100, 300, 600, 900, 1300),
        (amounts, rate) => {
          const total = taxOf(
            amounts.reduce((s, a) => s + a, 0n),
            rate,
          );
          const taxes = allocateTax(total, amounts, rate);
          assert.equal(
            taxes.reduce((s, t) => s + t, 0n),
            total,
          );
          const den = 10_000n + BigInt(rate);
          amounts.forEach((a, i) => {
            // |tax_i − a·r/(1+r)| < 1 fen  ⇔  |tax_i·den − a·r| < den
            const diff = (taxes[i] ?? 0n) * den - a * BigInt(rate);
            assert.ok((diff < 0n ? -diff : diff) < den, `line ${i} off its share by a fen or more`);
          });
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the amount in capital numerals (人民币大写) printed beside 价税合计', () => {
    assert.equal(amountInWords(10_600n), '壹佰零陆圆整');
    assert.equal(amountInWords(1_234_567n), '壹万贰仟叁佰肆拾伍圆陆角柒分');
    assert.equal(amountInWords(100_001n), '壹仟圆零壹分');
    assert.equal(amountInWords(-600n), '负陆圆整');
  });
});

describe('统一社会信用代码 (GB 32100)', () => {
  it('accepts codes with a correct check character and refuses a wrong one, bad symbols or length', () => {
    for (const ok of ['91350100M000100Y43', '91110000600037341L', '91310000MA1FL0KD39'])
      assert.ok(isUnifiedSocialCreditCode(ok), ok);
    assert.equal(uscCheckChar('91350100M000100Y4'), '3');
    assert.ok(!isUnifiedSocialCreditCode('91350100M000100Y44'), 'wrong check character');
    assert.ok(!isUnifiedSocialCreditCode('91350100M000100Y4'), '17 characters');
    assert.ok(!isUnifiedSocialCreditCode('91350100I000100Y43'), 'I is not a code symbol');
    assert.ok(!isUnifiedSocialCreditCode('91350100m000100y43'), 'lower case');
  });
});
