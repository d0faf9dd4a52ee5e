import { createRoute, z } from '@hono/zod-openapi';
import {
  AuditEntry,
  ListQuery as BaseListQuery,
  CurrencyCode,
  LIST_SORTS,
  page,
  sortOf,
} from '@kaidan/shared/contracts/common';
import {
  ListedOrder,
  Order,
  OrderDecision,
  OrderInput,
  OrderLine,
  OrderState,
  OrderType,
  PlacedOrder,
  PlaceOrderInput,
  Quote,
  Reason,
  RequiredReason,
} from '@kaidan/shared/contracts/orders';
import { CompanyName } from '@kaidan/shared/contracts/requests';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { money, pagedBy, presentAudit } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import {
  approveOrder,
  archiveOrder,
  cancelContractArrival,
  deleteOrder,
  getOrder,
  listOrders,
  type OrderDetailPorts,
  placeOrder,
  receiveOrder,
  recordContractArrival,
  rejectOrder,
  setCompanyRename,
  submitOrder,
  voidOrder,
} from '.';
import { ORDER_ACTIONS } from './order-actions';
import { type OnlineOffer, offeredMethods } from './order-payment';
import {
  ORDER_CSV_HEADER,
  orderCsvRow,
  presentLine,
  presentListedOrder,
  presentOrder,
  presentQuote,
} from './order-present';
import { quoteOrder } from './quote-order';

const tags = ['orders'];
const OrderList = page(ListedOrder);
const EXPORT_LIMIT = 10_000;
const OrderDetail = z.object({
  order: Order,
  lines: z.array(OrderLine),
  holds: z.array(z.object({ id: z.string(), amount: z.string(), state: z.string(), createdAt: z.string() })),
  effects: z.array(
    z.object({
      componentId: z.string(),
      kind: z.string(),
      seatsBefore: z.number().nullable(),
      seatsAfter: z.number().nullable(),
      endBefore: z.string().nullable(),
      endAfter: z.string().nullable(),
    }),
  ),
  trail: z.array(AuditEntry),
  /** What the caller may do now (R3, R5): the console shows these buttons and no others. */
  actions: z.array(z.enum(ORDER_ACTIONS)),
  /** R5: the number of the void request still open for this archived order (then no new one is offered) */
  voidRequest: z.string().nullable(),
  labels: z.object({
    companyName: z.string(),
    tenantId: z.string().nullable(),
    productName: z.object({ zh: z.string(), en: z.string().nullable() }),
    planNames: z.record(z.string(), z.object({ zh: z.string(), en: z.string().nullable() })),
  }),
});
const ListQuery = BaseListQuery.extend({
  state: OrderState.optional(),
  orderType: OrderType.optional(),
  companyId: z.string().optional(),
  partnerId: z.string().optional(),
  currency: CurrencyCode.optional(),
  sort: sortOf(LIST_SORTS.orders, '-created'),
});

const action = (path: string, summary: string, body: z.ZodType) =>
  createRoute({
    method: 'post',
    path: `/api/v1/orders/{id}/${path}`,
    tags,
    summary,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: ok(OrderDecision), ...errors },
  });

/**
 * R28: `online` are the providers this server runs, offered as payment methods (order-payment.ts); `ports`
 * what the order screen reads from modules above orders (get-order.ts).
 */
export const orderRoutes =
  (online: readonly OnlineOffer[], ports: OrderDetailPorts): RegisterRoutes =>
  (app, deps) => {
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/orders/quote',
        tags,
        summary: 'R1 price and service period preview; writes nothing',
        request: jsonBody(OrderInput),
        responses: { 200: ok(Quote), ...errors },
      }),
      async (c) => {
        const q = await quoteOrder(deps.database.db, deps.clock, principal(c), c.req.valid('json'));
        return c.json(presentQuote(q, offeredMethods(q, online)), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'post',
        path: '/api/v1/orders',
        tags,
        summary: 'Save an order as a draft, or submit it (hold on the wallet, R2)',
        request: jsonBody(PlaceOrderInput),
        responses: { 201: ok(PlacedOrder, 'Created'), ...errors },
      }),
      async (c) => {
        const placed = await placeOrder(deps, principal(c), c.req.valid('json'), online);
        return c.json(
          { ...placed, quote: presentQuote(placed.quote, offeredMethods(placed.quote, online)) },
          201,
        );
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/orders',
        tags,
        summary: 'Orders in scope: filters, text search (number, customer, tenant id), sort, keyset cursor',
        request: { query: ListQuery },
        responses: { 200: ok(OrderList), ...errors },
      }),
      async (c) => {
        const q = c.req.valid('query');
        const rows = await listOrders(deps.database.db, principal(c), { ...q, limit: q.limit + 1 });
        return c.json(pagedBy(rows, q.limit, presentListedOrder), 200);
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/orders/export',
        tags,
        summary: 'R39 the filtered, sorted order list as CSV or XLSX (up to 10,000 rows)',
        request: { query: ListQuery.omit({ after: true, limit: true }).extend(FORMAT) },
        responses: fileAnswer,
      }),
      async (c) => {
        const { format, ...filter } = c.req.valid('query');
        const rows = await listOrders(deps.database.db, principal(c), { ...filter, limit: EXPORT_LIMIT });
        const name = `orders-${deps.clock.now().toString().slice(0, 10)}`;
        return exportResponse(name, format, ORDER_CSV_HEADER, rows.map(orderCsvRow));
      },
    );
    app.openapi(
      createRoute({
        method: 'get',
        path: '/api/v1/orders/{id}',
        tags,
        summary: 'Order with lines, holds, entitlement effects and audit trail',
        request: { params: IdParam },
        responses: { 200: ok(OrderDetail), ...errors },
      }),
      async (c) => {
        const d = await getOrder(deps, principal(c), c.req.valid('param').id, ports);
        const cur = d.order.currency;
        return c.json(
          {
            order: presentOrder(d.order),
            lines: d.lines.map((l) => presentLine(l, d.order)),
            holds: d.holds.map((h) => ({
              id: h.id,
              amount: money(h.amount, cur),
              state: h.state,
              createdAt: h.created_at.toISOString(),
            })),
            effects: d.effects.map((e) => ({
              componentId: e.component_id,
              kind: e.kind,
              seatsBefore: e.seats_before,
              seatsAfter: e.seats_after,
              endBefore: e.end_before,
              endAfter: e.end_after,
            })),
            trail: d.trail.map(presentAudit),
            actions: d.actions,
            voidRequest: d.voidRequest,
            labels: {
              companyName: d.labels?.company_name ?? '',
              tenantId: d.labels?.tenant_id ?? null,
              productName: { zh: d.labels?.product_name_zh ?? '', en: d.labels?.product_name_en ?? null },
              planNames: Object.fromEntries(
                (d.labels?.plans ?? []).map((pl) => [pl.id, { zh: pl.name_zh, en: pl.name_en }]),
              ),
            },
          },
          200,
        );
      },
    );
    app.openapi(
      createRoute({
        method: 'delete',
        path: '/api/v1/orders/{id}',
        tags,
        summary: 'R5 delete a draft (creator only)',
        request: { params: IdParam },
        responses: { 200: ok(OrderDecision), ...errors },
      }),
      async (c) => {
        await deleteOrder(deps, principal(c), c.req.valid('param').id);
        return c.json({ state: 'deleted' as const, warnings: [] }, 200);
      },
    );
    app.openapi(
      action(
        'submit',
        'Submit a draft: hold the total, auto-approve where policy says (R2, R3)',
        z.object({}),
      ),
      async (c) =>
        c.json({ state: await submitOrder(deps, principal(c), c.req.valid('param').id), warnings: [] }, 200),
    );
    app.openapi(
      action('approve', 'Order desk approves: capture, grant entitlements, notify (R3, R4, R8)', Reason),
      async (c) => {
        const body = c.req.valid('json') as z.infer<typeof Reason>;
        const warnings = await approveOrder(deps, principal(c), c.req.valid('param').id, body.reason);
        return c.json({ state: 'paid' as const, warnings }, 200);
      },
    );
    app.openapi(
      action('reject', 'Order desk rejects with a reason; the hold is released (R4)', RequiredReason),
      async (c) => {
        const body = c.req.valid('json') as z.infer<typeof RequiredReason>;
        await rejectOrder(deps, principal(c), c.req.valid('param').id, body.reason);
        return c.json({ state: 'rejected' as const, warnings: [] }, 200);
      },
    );
    app.openapi(
      action('void', 'R5 the creator voids an unpaid order not yet taken by the order desk', Reason),
      async (c) => {
        const body = c.req.valid('json') as z.infer<typeof Reason>;
        await voidOrder(deps, principal(c), c.req.valid('param').id, body.reason);
        return c.json({ state: 'voided' as const, warnings: [] }, 200);
      },
    );
    app.openapi(action('receive', 'Order desk takes the order into work (R5)', z.object({})), async (c) => {
      await receiveOrder(deps, principal(c), c.req.valid('param').id);
      return c.json({ state: 'submitted' as const, warnings: [] }, 200);
    });
    app.openapi(
      action(
        'cancel-contract-arrival',
        'R5 the order desk cancels a contract arrival of an unpaid order, with a reason',
        RequiredReason,
      ),
      async (c) => {
        const body = c.req.valid('json') as z.infer<typeof RequiredReason>;
        await cancelContractArrival(deps, principal(c), c.req.valid('param').id, body.reason);
        const { order } = await getOrder(deps, principal(c), c.req.valid('param').id);
        return c.json({ state: OrderState.parse(order.state), warnings: [] }, 200);
      },
    );
    app.openapi(
      action(
        'company-name',
        'R7 a renewal (draft or submitted) carries the company’s new name; approval applies it',
        CompanyName,
      ),
      async (c) => {
        const id = c.req.valid('param').id;
        await setCompanyRename(deps, principal(c), id, c.req.valid('json') as z.infer<typeof CompanyName>);
        const { order } = await getOrder(deps, principal(c), id);
        return c.json({ state: OrderState.parse(order.state), warnings: [] }, 200);
      },
    );
    app.openapi(
      action(
        'archive',
        'R5 the order desk records that the countersigned contract went back (归档); then only a void request voids',
        z.object({}),
      ),
      async (c) => {
        const id = c.req.valid('param').id;
        await archiveOrder(deps, principal(c), id);
        const { order } = await getOrder(deps, principal(c), id);
        return c.json({ state: OrderState.parse(order.state), warnings: [] }, 200);
      },
    );
    app.openapi(
      action(
        'contract-arrived',
        'Record the contract; a submitted renewal is approved at once (R3)',
        z.object({}),
      ),
      async (c) => {
        const state = await recordContractArrival(deps, principal(c), c.req.valid('param').id);
        return c.json({ state: OrderState.parse(state), warnings: [] }, 200);
      },
    );
  };
