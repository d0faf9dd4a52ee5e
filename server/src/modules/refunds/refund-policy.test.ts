import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Temporal } from 'temporal-polyfill';
import { NO_INVOICE } from './invoice-standing';
import {
  allocateRefund,
  type LineFact,
  lineVerdict,
  type OrderFact,
  orderRefusals,
  type PaymentFact,
  type PolicyContext,
} from './refund-policy';

// The policy engine is pure: these are real tests of the rules, given the facts the store would gather.
const D = (s: string) => Temporal.PlainDate.from(s);
const PAID_AT = new Date('2026-11-20T02:00:00Z'); // Friday 10:00 in Shanghai: day 0
const order = (over: Partial<OrderFact> = {}): OrderFact => ({
  number: 'SO-20261120-000001',
  channel: 'self_service',
  currency: 'CNY',
  paid_at: PAID_AT,
  decided_at: PAID_AT,
  created_at: PAID_AT,
  standing: NO_INVOICE,
  payments: [],
  ...over,
});
const ctx = (over: Partial<PolicyContext> = {}): PolicyContext => ({
  requester: 'customer',
  stage: 'draft',
  today: D('2026-11-27'),
  mode: 'refund',
  ...over,
});
const line = (over: Partial<LineFact> = {}): LineFact => ({
  line_no: 1,
  amount: 10_000n,
  refunded: 0n,
  pass_through: false,
  refundable: true,
  priced: 9_781n,
  ...over,
});
const pay = (over: Partial<PaymentFact>): PaymentFact => ({
  id: 'pay',
  channel: 'sandbox',
  paidOn: D('2026-11-20'),
  amount: 0n,
  refunded: 0n,
  windowDays: 365,
  ...over,
});

describe('refund policy engine (R30, R32, R33, R35)', () => {
  it('R33: day 7 on the business calendar is inside the self-service window, day 8 is refused with the fix', () => {
    assert.deepEqual(orderRefusals(order(), ctx({ today: D('2026-11-27') })), []);
    const [r] = orderRefusals(order(), ctx({ today: D('2026-11-28') }));
    assert.equal(r?.rule, 'R33');
    assert.equal(r?.code, 'SELF_SERVICE_REFUND_EXPIRED');
    assert.match(r?.message.zh ?? '', /2026-11-20 付款.*7 天内（2026-11-27 前）/);
    assert.deepEqual(r?.fixes, [{ zh: '请联系客服办理退款', en: 'Contact support to request this refund' }]);
    assert.deepEqual(
      orderRefusals(order(), ctx({ today: D('2026-11-28'), requester: 'staff' })),
      [],
      'support refunds it after the window; R33 binds only the customer',
    );
    assert.deepEqual(
      orderRefusals(order(), ctx({ today: D('2026-12-20'), stage: 'acceptance' })),
      [],
      'R33 judges when the customer asked, not when finance decides',
    );
  });

  it('R30: an issued invoice not fully reversed refuses the refund, naming the amount to reverse first', () => {
    const standing = { issued: 10_000n, reversed: 2_500n, openRequests: [] };
    const [r] = orderRefusals(order({ channel: 'partner', standing }), ctx({ requester: 'partner' }));
    assert.equal(r?.rule, 'R30');
    assert.equal(r?.code, 'RED_LETTER_FIRST');
    assert.match(
      r?.message.zh ?? '',
      /已开具发票 CNY 100\.00（已红冲 25\.00），未红冲的 CNY 75\.00 须先红冲/,
    );
    assert.match(r?.message.en ?? '', /reverse the remaining CNY 75\.00 by red-letter first/);
    assert.match(
      r?.fixes[0]?.en ?? '',
      /reverse the invoice of order SO-20261120-000001 \(CNY 75\.00\) first/,
    );
    const reversed = { issued: 10_000n, reversed: 10_000n, openRequests: [] };
    assert.deepEqual(
      orderRefusals(order({ channel: 'partner', standing: reversed }), ctx({ requester: 'partner' })),
      [],
    );
    const requested = { issued: 0n, reversed: 0n, openRequests: ['req_1'] };
    assert.deepEqual(
      orderRefusals(order({ standing: requested }), ctx()),
      [],
      'R33: a request not yet issued is no invoice',
    );
  });

  it('R33/R30: a customer whose order is invoiced is sent to support, red-letter first, once', () => {
    const standing = { issued: 10_000n, reversed: 0n, openRequests: [] };
    const rs = orderRefusals(order({ standing }), ctx());
    assert.deepEqual(
      rs.map((r) => [r.rule, r.code]),
      [['R33', 'INVOICED_REFUND_VIA_SUPPORT']],
    );
    assert.match(rs[0]?.message.en ?? '', /red-letter reversal first/);
  });

  it('R32: pass-through and non-refundable lines return nothing, each with its reason', () => {
    const o = order();
    const pt = lineVerdict(line({ pass_through: true, priced: 0n }), o, []);
    assert.equal(pt.amount, 0n);
    assert.equal(pt.refusals[0]?.code, 'PASS_THROUGH_NOT_REFUNDED');
    assert.match(pt.refusals[0]?.message.zh ?? '', /代收费用.*不予退还/);
    const nr = lineVerdict(line({ refundable: false, priced: 0n }), o, []);
    assert.equal(nr.refusals[0]?.code, 'LINE_NOT_REFUNDABLE');
    assert.deepEqual(lineVerdict(line(), o, []), { amount: 9_781n, refusals: [] });
  });

  it('R32: an amount already refunded is named with what was paid, and nothing more comes back', () => {
    const v = lineVerdict(line({ refunded: 9_781n, priced: 0n }), order(), []);
    assert.equal(v.amount, 0n);
    assert.equal(v.refusals[0]?.code, 'ALREADY_REFUNDED');
    assert.match(v.refusals[0]?.message.zh ?? '', /已付 CNY 100\.00，已退 CNY 97\.81/);
  });

  it('R35: a payment older than its provider’s refund window is refused, naming the window and the fix', () => {
    const o = order({ payments: [pay({ id: 'a', amount: 10_000n, paidOn: D('2025-11-20') })] });
    assert.equal(allocateRefund(5_000n, o, D('2026-11-20')).refusal, null, 'day 365 is still inside');
    const { refusal } = allocateRefund(5_000n, o, D('2026-11-21'));
    assert.equal(refusal?.rule, 'R35');
    assert.equal(refusal?.code, 'PROVIDER_REFUND_WINDOW_PASSED');
    assert.match(refusal?.message.en ?? '', /refunds only within 365 days of payment \(by 2026-11-20\)/);
    assert.match(refusal?.fixes[0]?.en ?? '', /bank transfer.*wallet/);
    const wallet = order({
      payments: [pay({ channel: 'wallet', windowDays: null, amount: 10_000n, paidOn: D('2020-01-01') })],
    });
    assert.equal(allocateRefund(5_000n, wallet, D('2026-11-21')).refusal, null, 'the wallet has no window');
  });

  it('R35: a refund is allocated newest payment first, never past what each paid less refunded', () => {
    const o = order({
      payments: [
        pay({ id: 'new', amount: 4_000n, refunded: 1_000n }),
        pay({ id: 'old', amount: 6_000n, paidOn: D('2026-11-19') }),
      ],
    });
    assert.deepEqual(
      allocateRefund(5_000n, o, D('2026-11-21')).allocations.map((a) => [a.paymentId, a.amount]),
      [
        ['new', 3_000n],
        ['old', 2_000n],
      ],
    );
    assert.equal(allocateRefund(9_001n, o, D('2026-11-21')).refusal?.code, 'REFUND_EXCEEDS_PAYMENTS');
  });

  it('invariant 3 (property): over random payments and refunds, allocations cover the amount and stay ≤ paid − refunded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.bigInt({ min: 1n, max: 1_000_000n }), fc.bigInt({ min: 0n, max: 1_000_000n })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.bigInt({ min: 1n, max: 5_000_000n }),
        (parts, amount) => {
          const payments = parts.map(([paid, r], i) =>
            pay({ id: `p${i}`, amount: paid, refunded: r % (paid + 1n) }),
          );
          const room = payments.reduce((s, p) => s + p.amount - p.refunded, 0n);
          const { allocations, refusal } = allocateRefund(amount, order({ payments }), D('2026-11-21'));
          if (amount > room) return refusal?.code === 'REFUND_EXCEEDS_PAYMENTS' && allocations.length === 0;
          const byId = new Map(payments.map((p) => [p.id, p]));
          return (
            refusal === null &&
            allocations.reduce((s, a) => s + a.amount, 0n) === amount &&
            allocations.every((a) => {
              const p = byId.get(a.paymentId);
              return p !== undefined && a.amount > 0n && a.amount <= p.amount - p.refunded;
            })
          );
        },
      ),
    );
  });
});
