import { createRoute, z } from '@hono/zod-openapi';
import { page } from '@kaidan/shared/contracts/common';
import {
  BillingOrder,
  BillingOrderQuery,
  DeviceOrderItem,
  DeviceOrderItemQuery,
  DeviceOrderQuery,
  DeviceOrderRecord,
  TopupRecord,
  TopupRecordQuery,
} from '@kaidan/shared/contracts/records';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { pagedBy } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, ok } from '../../http/route-kit';
import {
  exportBillingOrders,
  exportDeviceOrders,
  exportTopupRecords,
  viewBillingOrders,
  viewDeviceOrderItems,
  viewDeviceOrders,
  viewTopupRecords,
} from '.';
import {
  BILLING_ORDER_HEADER,
  billingOrderCsvRow,
  DEVICE_ORDER_HEADER,
  deviceOrderCsvRow,
  presentBillingOrder,
  presentDeviceOrder,
  presentDeviceOrderItem,
  presentTopupRecord,
  TOPUP_RECORD_HEADER,
  topupRecordCsvRow,
} from './records-present';

const tags = ['records'];
const split = <T extends { companyId?: string | undefined; depth?: 'direct' | 'all' | undefined }>({
  companyId,
  depth,
  ...f
}: T) => ({ where: { companyId, depth }, filter: f });
const ItemsPage = z.object({
  order: DeviceOrderRecord,
  items: z.array(DeviceOrderItem),
  nextCursor: z.string().nullable(),
});

// Issue #13 slice 5 (R26, R39): device orders (订单记录) with their items, finance's billing orders (订单管理)
// and top-up records (充值记录), each a keyset-paged list and a CSV/XLSX export of the same filters and sort.
// `GET /device-orders/{id}` and the order's payment belong to renewals.
export const registerRecordRoutes: RegisterRoutes = (app, deps) => {
  const stamp = () => deps.clock.now().toString().slice(0, 10);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-orders',
      tags,
      summary:
        'R39 device orders in scope, paid and unpaid: time, state, payment method, currency, source, company',
      request: { query: DeviceOrderQuery },
      responses: { 200: ok(page(DeviceOrderRecord)), ...errors },
    }),
    async (c) => {
      const { limit, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await viewDeviceOrders(deps, principal(c), where, { ...filter, limit: limit + 1 });
      return c.json(pagedBy(rows, limit, presentDeviceOrder), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-orders/export',
      tags,
      summary: 'R39 the filtered, sorted device orders as CSV or XLSX (up to 10,000 rows)',
      request: { query: DeviceOrderQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await exportDeviceOrders(deps, principal(c), where, filter);
      return exportResponse(
        `device-orders-${stamp()}`,
        format,
        DEVICE_ORDER_HEADER,
        rows.map(deviceOrderCsvRow),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/device-orders/{id}/items',
      tags,
      summary: 'A device order in scope with one keyset page of its items (its devices, packages, expiries)',
      request: { params: IdParam, query: DeviceOrderItemQuery },
      responses: { 200: ok(ItemsPage), ...errors },
    }),
    async (c) => {
      const { limit, ...q } = c.req.valid('query');
      const { order, items } = await viewDeviceOrderItems(deps, principal(c), c.req.valid('param').id, {
        ...q,
        limit: limit + 1,
      });
      const paged = pagedBy(items, limit, presentDeviceOrderItem(order.currency));
      return c.json({ order: presentDeviceOrder(order), ...paged }, 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-orders',
      tags,
      summary:
        'R39 finance: paid top-up, renewal and value-added orders by type, time, method, currency, company, partner',
      request: { query: BillingOrderQuery },
      responses: { 200: ok(page(BillingOrder)), ...errors },
    }),
    async (c) => {
      const { limit, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await viewBillingOrders(deps, principal(c), where, { ...filter, limit: limit + 1 });
      return c.json(pagedBy(rows, limit, presentBillingOrder), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/billing-orders/export',
      tags,
      summary: 'R39 the filtered, sorted billing orders as CSV or XLSX (up to 10,000 rows)',
      request: { query: BillingOrderQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await exportBillingOrders(deps, principal(c), where, filter);
      return exportResponse(
        `billing-orders-${stamp()}`,
        format,
        BILLING_ORDER_HEADER,
        rows.map(billingOrderCsvRow),
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/topup-records',
      tags,
      summary:
        'R26 top-ups, online and offline, settled and pending: time, state, channel, method, currency, wallet',
      request: { query: TopupRecordQuery },
      responses: { 200: ok(page(TopupRecord)), ...errors },
    }),
    async (c) => {
      const { limit, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await viewTopupRecords(deps, principal(c), where, { ...filter, limit: limit + 1 });
      return c.json(pagedBy(rows, limit, presentTopupRecord), 200);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/topup-records/export',
      tags,
      summary: 'R26 the filtered, sorted top-up records as CSV or XLSX (up to 10,000 rows)',
      request: { query: TopupRecordQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...q } = c.req.valid('query');
      const { where, filter } = split(q);
      const rows = await exportTopupRecords(deps, principal(c), where, filter);
      return exportResponse(
        `topup-records-${stamp()}`,
        format,
        TOPUP_RECORD_HEADER,
        rows.map(topupRecordCsvRow),
      );
    },
  );
};
