import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { systemPrincipal } from '../../platform/principal';
import { listAudit } from '../audit/audit-store';
import { createProduct, reviewMode, unitPrice } from '.';
import { catalogHarness, type PlanOut, type Problem, type ProductOut } from './catalog-test-kit';

describe('catalog admin API', async () => {
  const { database, deps, admin, adminCookie, deskCookie, send, as, product, created } =
    await catalogHarness();

  it('creates a product with every channel by default, and audits it (R40)', async () => {
    assert.equal(created.status, 201);
    assert.match(product.id, /^prd_/);
    assert.deepEqual(product.channels, ['partner', 'direct', 'self_service']);
    const trail = await listAudit(database.db, 'product', product.id);
    assert.deepEqual(
      trail.map((a) => [a.action, a.actor_id, a.channel]),
      [['create', admin.id, 'console']],
    );
  });

  it('refuses a taken product code with 409 and a field error', async () => {
    const r = await send('POST', '/api/v1/products', adminCookie, {
      code: 'wecom-steward',
      nameZh: 'x',
      kind: 'service',
    });
    assert.equal(r.status, 409);
    assert.equal(as<Problem>(r).code, 'PRODUCT_CODE_TAKEN');
  });

  it('reads need a sign-in, writes need the admin role (403)', async () => {
    assert.equal((await send('GET', '/api/v1/products', null)).status, 401);
    assert.equal((await send('GET', `/api/v1/products/${product.id}`, deskCookie)).status, 200);
    const r = await send('POST', '/api/v1/products', deskCookie, {
      code: 'crm',
      nameZh: 'CRM',
      kind: 'seat_app',
    });
    assert.equal(r.status, 403);
    assert.equal(as<Problem>(r).code, 'FORBIDDEN');
    const p = await send('PATCH', `/api/v1/products/${product.id}`, deskCookie, { version: 1, nameZh: 'x' });
    assert.equal(p.status, 403);
  });

  let edition: PlanOut;
  it('creates a plan, sets tiered prices from decimal strings, and orders price by tier', async () => {
    const r = await send('POST', `/api/v1/products/${product.id}/plans`, adminCookie, {
      code: 'pro-60',
      nameZh: '高级版（60户）',
      kind: 'edition',
      pricingMethod: 'seat_year',
      seatMax: 60,
      validFrom: '2026-01-01',
    });
    assert.equal(r.status, 201);
    edition = as<PlanOut>(r);
    assert.equal(edition.refundable, true);
    const put = await send('PUT', `/api/v1/plans/${edition.id}/prices`, adminCookie, {
      version: edition.version,
      prices: [
        { currency: 'CNY', minSeats: 1, amount: '365' },
        { currency: 'CNY', minSeats: 31, amount: '328.50' },
        { currency: 'USD', minSeats: 1, amount: '50.00' },
      ],
    });
    assert.equal(put.status, 200);
    const out = as<PlanOut>(put);
    assert.deepEqual(out.prices, [
      { currency: 'CNY', minSeats: 1, amount: '365.00' },
      { currency: 'CNY', minSeats: 31, amount: '328.50' },
      { currency: 'USD', minSeats: 1, amount: '50.00' },
    ]);
    assert.equal(out.version, edition.version + 1);
    edition = out;
    assert.equal(await unitPrice(database.db, edition.id, 'CNY', 30), 36500n);
    assert.equal(await unitPrice(database.db, edition.id, 'CNY', 31), 32850n);
    const trail = await listAudit(database.db, 'plan', edition.id);
    assert.deepEqual(
      trail.map((a) => a.action),
      ['create', 'set_prices'],
    );
  });

  it('refuses bad amounts, duplicate, unreachable and gapped tiers with field errors (422)', async () => {
    const r = await send('PUT', `/api/v1/plans/${edition.id}/prices`, adminCookie, {
      version: edition.version,
      prices: [
        { currency: 'CNY', minSeats: 1, amount: '1.005' },
        { currency: 'CNY', minSeats: 1, amount: 'abc' },
        { currency: 'CNY', minSeats: 61, amount: '-3' },
        { currency: 'USD', minSeats: 5, amount: '1e3' },
      ],
    });
    assert.equal(r.status, 422);
    const codes = as<Problem>(r).fields.map((f) => `${f.field}:${f.code}`);
    assert.deepEqual(codes, [
      'prices.0.amount:amount_invalid',
      'prices.1.amount:amount_invalid',
      'prices.1.minSeats:tier_duplicate',
      'prices.2.amount:amount_negative',
      'prices.2.minSeats:tier_unreachable',
      'prices.3.amount:amount_invalid',
      'prices:tier_gap',
    ]);
    // Nothing changed: same prices, same version.
    const g = as<PlanOut>(await send('GET', `/api/v1/plans/${edition.id}`, deskCookie));
    assert.equal(g.version, edition.version);
    assert.equal(g.prices.length, 3);
  });

  it('pass-through implies not refundable: a clean 422 before the CHECK', async () => {
    const r = await send('POST', `/api/v1/products/${product.id}/plans`, adminCookie, {
      code: 'interop',
      nameZh: '互通费',
      kind: 'pass_through',
      pricingMethod: 'seat_year',
      refundable: true,
    });
    assert.equal(r.status, 422);
    const f = as<Problem>(r).fields;
    assert.deepEqual(
      f.map((x) => [x.field, x.code]),
      [['refundable', 'pass_through_refundable']],
    );
    assert.match(f[0]?.message.zh ?? '', /不可退款/);
    const ok = await send('POST', `/api/v1/products/${product.id}/plans`, adminCookie, {
      code: 'interop',
      nameZh: '互通费',
      kind: 'pass_through',
      pricingMethod: 'seat_year',
    });
    assert.equal(ok.status, 201);
    assert.deepEqual([as<PlanOut>(ok).passThrough, as<PlanOut>(ok).refundable], [true, false]);
    const u = await send('PATCH', `/api/v1/plans/${edition.id}`, adminCookie, {
      version: edition.version,
      passThrough: true,
    });
    assert.equal(u.status, 422);
    assert.equal(as<Problem>(u).fields[0]?.code, 'pass_through_refundable');
  });

  it('updates the validity window with optimistic concurrency (409 on a stale version)', async () => {
    const u = await send('PATCH', `/api/v1/plans/${edition.id}`, adminCookie, {
      version: edition.version,
      validTo: '2026-12-31',
      seatMin: 5,
    });
    assert.equal(u.status, 200);
    const out = as<PlanOut>(u);
    assert.deepEqual(
      [out.validFrom, out.validTo, out.version],
      ['2026-01-01', '2026-12-31', edition.version + 1],
    );
    const stale = await send('PATCH', `/api/v1/plans/${edition.id}`, adminCookie, {
      version: edition.version,
      nameZh: '过期',
    });
    assert.equal(stale.status, 409);
    assert.equal(as<Problem>(stale).code, 'VERSION_CONFLICT');
    const bad = await send('PATCH', `/api/v1/plans/${edition.id}`, adminCookie, {
      version: out.version,
      validFrom: '2027-01-01',
      validTo: '2026-02-30',
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      as<Problem>(bad).fields.map((f) => f.code),
      ['date_invalid'],
    );
    const audit = await listAudit(database.db, 'plan', edition.id);
    const last = audit.at(-1);
    assert.ok(last);
    assert.equal(last.action, 'update');
    assert.deepEqual(
      [(last.before as { valid_to: string | null }).valid_to, (last.after as { valid_to: string }).valid_to],
      [null, '2026-12-31'],
    );
    edition = out;
  });

  it('R3: puts review policies; missing combinations stay manual, self-service manual is refused', async () => {
    const bad = await send('PUT', `/api/v1/products/${product.id}/review-policies`, adminCookie, {
      version: product.version,
      policies: [
        { orderType: 'new', channel: 'self_service', mode: 'manual' },
        { orderType: 'renew', channel: 'partner', mode: 'auto' },
        { orderType: 'renew', channel: 'partner', mode: 'manual' },
      ],
    });
    assert.equal(bad.status, 422);
    assert.deepEqual(
      as<Problem>(bad).fields.map((f) => f.code),
      ['self_service_always_auto', 'duplicate'],
    );
    const r = await send('PUT', `/api/v1/products/${product.id}/review-policies`, adminCookie, {
      version: product.version,
      policies: [
        { orderType: 'renew', channel: 'partner', mode: 'auto' },
        { orderType: 'add_seats', channel: 'partner', mode: 'auto' },
      ],
    });
    assert.equal(r.status, 200);
    const out = as<ProductOut>(r);
    assert.equal(out.version, product.version + 1);
    assert.equal(out.reviewPolicies.length, 2);
    assert.equal(await reviewMode(database.db, product.id, 'renew', 'partner'), 'auto');
    assert.equal(await reviewMode(database.db, product.id, 'new', 'partner'), 'manual');
    const trail = await listAudit(database.db, 'product', product.id);
    assert.equal(trail.at(-1)?.action, 'set_review_policies');
  });

  it('R24: restricts channels and retires a product; lists filter by kind, state and category', async () => {
    const cur = as<ProductOut>(await send('GET', `/api/v1/products/${product.id}`, adminCookie));
    const empty = await send('PATCH', `/api/v1/products/${product.id}`, adminCookie, {
      version: cur.version,
      channels: [],
    });
    assert.equal(as<Problem>(empty).fields[0]?.code, 'channels_empty');
    const r = await send('PATCH', `/api/v1/products/${product.id}`, adminCookie, {
      version: cur.version,
      channels: ['partner'],
    });
    assert.equal(r.status, 200);
    assert.deepEqual(as<ProductOut>(r).channels, ['partner']);
    await createProduct(deps, systemPrincipal('cli'), { code: 'crm', nameZh: 'CRM', kind: 'seat_app' });
    await createProduct(deps, systemPrincipal('cli'), { code: 'sms', nameZh: '短信', kind: 'quota_feature' });
    const all = as<{ items: ProductOut[]; nextCursor: string | null }>(
      await send('GET', '/api/v1/products?limit=2', deskCookie),
    );
    assert.equal(all.items.length, 2);
    assert.ok(all.nextCursor);
    const rest = as<{ items: ProductOut[]; nextCursor: string | null }>(
      await send('GET', `/api/v1/products?limit=2&after=${all.nextCursor}`, deskCookie),
    );
    assert.deepEqual([rest.items.length, rest.nextCursor], [1, null]);
    const seat = as<{ items: ProductOut[] }>(await send('GET', '/api/v1/products?kind=seat_app', deskCookie));
    assert.deepEqual(seat.items.map((p) => p.code).sort(), ['crm', 'wecom-steward']);
    const saas = as<{ items: ProductOut[] }>(await send('GET', '/api/v1/products?category=SaaS', deskCookie));
    assert.deepEqual(
      saas.items.map((p) => p.code),
      ['wecom-steward'],
    );
    const v = as<ProductOut>(r).version;
    const retired = await send('PATCH', `/api/v1/products/${product.id}`, adminCookie, {
      version: v,
      state: 'retired',
    });
    assert.equal(as<ProductOut>(retired).state, 'retired');
    const active = as<{ items: ProductOut[] }>(
      await send('GET', '/api/v1/products?state=active', deskCookie),
    );
    assert.deepEqual(active.items.map((p) => p.code).sort(), ['crm', 'sms']);
  });
});
