import { createRoute } from '@hono/zod-openapi';
import {
  BundleItemsPut,
  PlanCreate,
  PlanDetail,
  PlanUpdate,
  PricesPut,
  Product,
  ProductCreate,
  ProductDetail,
  ProductQuery,
  ProductUpdate,
  ReviewPoliciesPut,
} from '@kaidan/shared/contracts/catalog';
import { page } from '@kaidan/shared/contracts/common';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  PRODUCT_CSV_HEADER,
  presentPlan,
  presentProduct,
  presentProductDetail,
  productCsvRow,
} from './catalog-present';
import { createPlan } from './create-plan';
import { createProduct } from './create-product';
import { setBundleItems } from './set-bundle-items';
import { setPlanPrices } from './set-plan-prices';
import { setReviewPolicies } from './set-review-policies';
import { updatePlan } from './update-plan';
import { updateProduct } from './update-product';
import { viewPlan, viewProduct, viewProducts } from './view-catalog';

const tags = ['catalog'];
const EXPORT_LIMIT = 10_000;
const route = <P extends string>(method: 'get' | 'post' | 'patch' | 'put', path: P, summary: string) => ({
  method,
  path,
  tags,
  summary,
});

// Reads for anyone signed in; every write needs the admin role (checked in the use cases).
export const registerCatalogRoutes: RegisterRoutes = (app, deps) => {
  const productOut = async (p: ReturnType<typeof principal>, id: string) =>
    presentProductDetail(await viewProduct(deps, p, id));
  const planOut = async (p: ReturnType<typeof principal>, id: string) =>
    presentPlan(await viewPlan(deps, p, id));

  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/products',
        'Products: filters (kind, state, category), text search (code, name), sort, keyset cursor',
      ),
      request: { query: ProductQuery },
      responses: { 200: ok(page(Product)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await viewProducts(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentProduct), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/products/export',
        'R39 the filtered, sorted product list as CSV or XLSX (up to 10,000 rows)',
      ),
      request: { query: ProductQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const rows = await viewProducts(deps, principal(c), { ...filter, limit: EXPORT_LIMIT });
      const name = `products-${deps.clock.now().toString().slice(0, 10)}`;
      return exportResponse(name, format, PRODUCT_CSV_HEADER, rows.map(productCsvRow));
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/products', 'Create a product (admin)'),
      request: jsonBody(ProductCreate),
      responses: { 201: ok(ProductDetail, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      return c.json(await productOut(p, await createProduct(deps, p, c.req.valid('json'))), 201);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/products/{id}',
        'A product with its plans, prices, bundle items and review policies',
      ),
      request: { params: IdParam },
      responses: { 200: ok(ProductDetail), ...errors },
    }),
    async (c) => c.json(await productOut(principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'patch',
        '/api/v1/products/{id}',
        'Change a product: names, categories, channels, state (admin; version)',
      ),
      request: { params: IdParam, ...jsonBody(ProductUpdate) },
      responses: { 200: ok(ProductDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updateProduct(deps, p, { ...c.req.valid('json'), id });
      return c.json(await productOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'put',
        '/api/v1/products/{id}/review-policies',
        'R3: the review mode per order type × channel (admin)',
      ),
      request: { params: IdParam, ...jsonBody(ReviewPoliciesPut) },
      responses: { 200: ok(ProductDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await setReviewPolicies(deps, p, { ...c.req.valid('json'), productId: id });
      return c.json(await productOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/products/{id}/plans', 'Create a plan under a product (admin)'),
      request: { params: IdParam, ...jsonBody(PlanCreate) },
      responses: { 201: ok(PlanDetail, 'Created'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const planId = await createPlan(deps, p, {
        ...c.req.valid('json'),
        productId: c.req.valid('param').id,
      });
      return c.json(await planOut(p, planId), 201);
    },
  );
  app.openapi(
    createRoute({
      ...route('get', '/api/v1/plans/{id}', 'A plan with its prices and bundle items'),
      request: { params: IdParam },
      responses: { 200: ok(PlanDetail), ...errors },
    }),
    async (c) => c.json(await planOut(principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'patch',
        '/api/v1/plans/{id}',
        'Change a plan: names, seats, validity window, flags (admin; version)',
      ),
      request: { params: IdParam, ...jsonBody(PlanUpdate) },
      responses: { 200: ok(PlanDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await updatePlan(deps, p, { ...c.req.valid('json'), id });
      return c.json(await planOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'put',
        '/api/v1/plans/{id}/prices',
        "Replace a plan's price list per currency and seat tier (admin)",
      ),
      request: { params: IdParam, ...jsonBody(PricesPut) },
      responses: { 200: ok(PlanDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await setPlanPrices(deps, p, { ...c.req.valid('json'), planId: id });
      return c.json(await planOut(p, id), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('put', '/api/v1/plans/{id}/bundle-items', 'Replace what a bundle plan contains (admin)'),
      request: { params: IdParam, ...jsonBody(BundleItemsPut) },
      responses: { 200: ok(PlanDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { id } = c.req.valid('param');
      await setBundleItems(deps, p, { ...c.req.valid('json'), planId: id });
      return c.json(await planOut(p, id), 200);
    },
  );
};
