import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { AppError } from '../../platform/errors';
import { useTestDatabase } from '../../testing/test-db';
import { buildWorld, W } from '../../testing/world';
import {
  checkChannel,
  loadPlans,
  loadProduct,
  type ProductRow,
  planOnSale,
  reviewMode,
  unitPrice,
  unitPrices,
} from '.';

const refusal =
  (code: string, status = 422) =>
  (e: unknown) =>
    e instanceof AppError && e.code === code && e.status === status;

describe('catalog surface used by orders', async () => {
  const { db } = await useTestDatabase();
  await buildWorld(db);

  it('loadProduct returns the product, or 404', async () => {
    const p = await loadProduct(db, W.product);
    assert.equal(p.code, 'wecom-steward');
    assert.deepEqual(p.channels, ['partner', 'direct', 'self_service']);
    await assert.rejects(loadProduct(db, 'prd_nope'), refusal('NOT_FOUND', 404));
  });

  it('loadPlans keeps the order of the ids and types DATE as YYYY-MM-DD', async () => {
    const plans = await loadPlans(db, W.product, [W.offSale, W.edition]);
    assert.deepEqual(
      plans.map((p) => p.id),
      [W.offSale, W.edition],
    );
    assert.equal(plans[0]?.valid_to, '2026-06-30');
    assert.equal(plans[1]?.valid_from, null);
  });

  it('R8: a plan of another product is refused line by line, with its reason', async () => {
    const err = await loadPlans(db, W.product, [W.edition, W.otherPlan, 'pln_ghost']).catch((e) => e);
    assert.ok(refusal('PLAN_NOT_IN_PRODUCT')(err));
    const e = err as AppError;
    assert.deepEqual(
      e.fields.map((f) => [f.field, f.code]),
      [
        ['lines.1.planId', 'plan_not_in_product'],
        ['lines.2.planId', 'no_such_plan'],
      ],
    );
    assert.match(e.fields[0]?.message.zh ?? '', /CRM 标准版.*不属于/);
    assert.match(e.fields[0]?.message.en ?? '', /another product/);
  });

  it('unitPrice picks the tier with the greatest min_seats ≤ seats', async () => {
    assert.equal(await unitPrice(db, W.edition60, 'CNY', 1), 36500n);
    assert.equal(await unitPrice(db, W.edition60, 'CNY', 30), 36500n);
    assert.equal(await unitPrice(db, W.edition60, 'CNY', 31), 32850n);
    assert.equal(await unitPrice(db, W.edition60, 'CNY', 60), 32850n);
    assert.deepEqual(
      await unitPrices(db, 'CNY', [
        { planId: W.edition60, seats: 31 },
        { planId: W.archive, seats: 5 },
      ]),
      [32850n, 7300n],
    );
  });

  it('no price in the currency is a 422 NO_PRICE naming plan and currency, with a fix', async () => {
    const err = await unitPrice(db, W.archive, 'USD', 1).catch((e) => e);
    assert.ok(refusal('NO_PRICE')(err));
    const e = err as AppError;
    assert.match(e.text.en, new RegExp(`${W.archive}.*USD`));
    assert.deepEqual(e.details, { planId: W.archive, currency: 'USD' });
    assert.ok(e.fixes.length > 0);
    await assert.rejects(
      unitPrices(db, 'USD', [
        { planId: W.edition, seats: 1 },
        { planId: W.archive, seats: 1 },
      ]),
      refusal('NO_PRICE'),
    );
  });

  it('R3: a missing policy means manual review; configured rows apply', async () => {
    assert.equal(await reviewMode(db, W.product, 'renew', 'partner'), 'auto');
    assert.equal(await reviewMode(db, W.product, 'new', 'partner'), 'manual');
    assert.equal(await reviewMode(db, W.product, 'new', 'direct'), 'manual');
    assert.equal(await reviewMode(db, W.otherProduct, 'renew', 'partner'), 'manual');
  });

  it("R3: customers' self-service orders are approved automatically, whatever is configured", async () => {
    await sql`insert into review_policies (product_id, order_type, channel, mode)
      values (${W.otherProduct}, 'new', 'self_service', 'manual')`.execute(db);
    assert.equal(await reviewMode(db, W.otherProduct, 'new', 'self_service'), 'auto');
    assert.equal(await reviewMode(db, W.product, 'add_seats', 'self_service'), 'auto');
  });

  it('R8: planOnSale is inclusive at both ends of the validity window', () => {
    const plan = { valid_from: '2026-01-01', valid_to: '2026-06-30' };
    assert.equal(planOnSale(plan, '2025-12-31'), false);
    assert.equal(planOnSale(plan, '2026-01-01'), true);
    assert.equal(planOnSale(plan, '2026-06-30'), true);
    assert.equal(planOnSale(plan, '2026-07-01'), false);
    assert.equal(planOnSale({ valid_from: null, valid_to: null }, '2099-01-01'), true);
    assert.equal(planOnSale({ valid_from: null, valid_to: '2026-06-30' }, '2000-01-01'), true);
  });

  it('R24: a product restricted to some channels refuses the others, naming the allowed ones', () => {
    const product: ProductRow = {
      id: 'prd_x',
      code: 'x',
      name_zh: '巨石蓝海CRM',
      name_en: 'CRM',
      kind: 'seat_app',
      channels: ['partner', 'direct'],
      state: 'active',
    };
    checkChannel(product, 'partner');
    checkChannel(product, 'direct');
    const err = (() => {
      try {
        checkChannel(product, 'self_service');
      } catch (e) {
        return e;
      }
    })();
    assert.ok(refusal('CHANNEL_NOT_ALLOWED')(err));
    const e = err as AppError;
    assert.match(e.text.zh, /partner、direct/);
    assert.match(e.text.en, /allowed: partner, direct/);
    assert.deepEqual(e.details.allowed, ['partner', 'direct']);
    assert.throws(
      () => checkChannel({ ...product, state: 'retired' }, 'partner'),
      refusal('PRODUCT_RETIRED'),
    );
  });
});
