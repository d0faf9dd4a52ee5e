import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../../platform/errors';
import { systemPrincipal } from '../../platform/principal';
import { listAudit } from '../audit/audit-store';
import { createPlan, createProduct, setPlanPrices, unitPrice } from '.';
import { catalogHarness, type PlanOut, type Problem, type ProductOut } from './catalog-test-kit';

describe('catalog admin API: bundles and seeding', async () => {
  const { database, deps, adminCookie, deskCookie, send, as, product } = await catalogHarness();
  const edition = as<PlanOut>(
    await send('POST', `/api/v1/products/${product.id}/plans`, adminCookie, {
      code: 'pro-60',
      nameZh: '高级版（60户）',
      kind: 'edition',
      pricingMethod: 'seat_year',
      seatMax: 60,
    }),
  );

  it('sets bundle items: own product only, no nesting; non-bundles are refused', async () => {
    const sys = systemPrincipal('cli');
    const archive = await createPlan(deps, sys, {
      productId: product.id,
      code: 'archive',
      nameZh: '会话存档',
      kind: 'addon',
      pricingMethod: 'seat_year',
    });
    const bundleR = await send('POST', `/api/v1/products/${product.id}/plans`, adminCookie, {
      code: 'suite',
      nameZh: '全家桶',
      kind: 'bundle',
      pricingMethod: 'flat',
    });
    const bundle = as<PlanOut>(bundleR);
    await createProduct(deps, sys, { code: 'sms', nameZh: '短信', kind: 'quota_feature' });
    const other = as<{ items: ProductOut[] }>(
      await send('GET', '/api/v1/products?kind=quota_feature', deskCookie),
    ).items[0];
    assert.ok(other);
    const foreign = await createPlan(deps, sys, {
      productId: other.id,
      code: 'sms-100',
      nameZh: '短信包',
      kind: 'addon',
      pricingMethod: 'unit',
    });
    const bad = await send('PUT', `/api/v1/plans/${bundle.id}/bundle-items`, adminCookie, {
      version: bundle.version,
      items: [
        { planId: foreign, seatsPerBundle: 1 },
        { planId: bundle.id, seatsPerBundle: 1 },
        { planId: archive, seatsPerBundle: 0 },
      ],
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      as<Problem>(bad).fields.map((f) => `${f.field}:${f.code}`),
      [
        'items.0.planId:plan_not_in_product',
        'items.1.planId:nested_bundle',
        'items.2.seatsPerBundle:seats_invalid',
      ],
    );
    const ok = await send('PUT', `/api/v1/plans/${bundle.id}/bundle-items`, adminCookie, {
      version: bundle.version,
      items: [
        { planId: edition.id, seatsPerBundle: 10 },
        { planId: archive, seatsPerBundle: 10 },
      ],
    });
    assert.equal(ok.status, 200);
    assert.equal(as<PlanOut>(ok).bundleItems.length, 2);
    const notBundle = await send('PUT', `/api/v1/plans/${archive}/bundle-items`, adminCookie, {
      version: 1,
      items: [],
    });
    assert.equal(as<Problem>(notBundle).code, 'NOT_A_BUNDLE');
    const detail = as<ProductOut>(await send('GET', `/api/v1/products/${product.id}`, deskCookie));
    assert.deepEqual(detail.plans.map((p) => p.id).sort(), [archive, bundle.id, edition.id].sort());
  });

  it('use cases work for the seed (system principal) and refuse a non-admin principal', async () => {
    const sys = systemPrincipal('cli');
    const id = await createProduct(deps, sys, { code: 'seeded', nameZh: '种子', kind: 'service' });
    const plan = await createPlan(deps, sys, {
      productId: id,
      code: 'std',
      nameZh: '标准',
      kind: 'service',
      pricingMethod: 'flat',
    });
    await setPlanPrices(deps, sys, {
      planId: plan,
      version: 1,
      prices: [{ currency: 'CNY', minSeats: 1, amount: '99.90' }],
    });
    assert.equal(await unitPrice(database.db, plan, 'CNY', 1), 9990n);
    const trail = await listAudit(database.db, 'product', id);
    assert.deepEqual([trail[0]?.actor_kind, trail[0]?.channel], ['system', 'cli']);
    const sales = {
      userId: 'usr_x',
      kind: 'staff' as const,
      roles: ['sales' as const],
      partnerId: null,
      companyId: null,
      channel: 'api' as const,
    };
    await assert.rejects(
      createProduct(deps, sales, { code: 'nope', nameZh: 'x', kind: 'service' }),
      (e: unknown) => e instanceof AppError && e.status === 403,
    );
  });
});
