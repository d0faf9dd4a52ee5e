import { createRoute, z } from '@hono/zod-openapi';
import {
  CommentInput,
  ConfirmationInput,
  InvoiceDetail,
  InvoicePage,
  InvoiceQuery,
  InvoiceRequest,
  InvoiceRequestDetail,
  InvoiceRequestInput,
  InvoiceRequestPage,
  InvoiceRequestQuery,
  ReasonInput,
  ReversalInput,
  ReversalResult,
} from '@kaidan/shared/contracts/invoices';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { pagedBy } from '../../http/present';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import { confirmReversal } from './confirm-reversal';
import {
  presentInvoice,
  presentInvoiceDetail,
  presentRequest,
  presentRequestDetail,
} from './invoice-present';
import { issueInvoice } from './issue-invoice';
import { refuseInvoiceRequest } from './refuse-invoice-request';
import { requestInvoice } from './request-invoice';
import { reverseInvoice } from './reverse-invoice';
import {
  findInvoiceRequests,
  findInvoices,
  getInvoice,
  getInvoiceRequest,
  invoicePdf,
} from './view-invoices';
import { withdrawInvoiceRequest } from './withdraw-invoice-requests';

const tags = ['invoices'];
const route = (method: 'get' | 'post', path: string, summary: string) => ({ method, path, tags, summary });

/** HTTP ↔ the invoice use cases (docs/invoices.md). */
export const registerInvoiceRoutes: RegisterRoutes = (app, deps) => {
  const requestDetail = async (p: ReturnType<typeof principal>, id: string) => {
    const v = await getInvoiceRequest(deps, p, id);
    return presentRequestDetail(v.request, v.lines, v.invoice);
  };
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/invoice-requests',
        'R29: request an invoice for paid orders (customer, or finance for one)',
      ),
      request: jsonBody(InvoiceRequestInput),
      responses: {
        201: ok(InvoiceRequestDetail, 'Requested; lines and tax derived by the server'),
        ...errors,
      },
    }),
    async (c) => {
      const p = principal(c);
      const r = await requestInvoice(deps, p, c.req.valid('json'));
      return c.json(await requestDetail(p, r.id), 201);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/invoice-requests',
        'Invoice requests in scope, with state, type, buyer and date filters',
      ),
      request: { query: InvoiceRequestQuery },
      responses: { 200: ok(InvoiceRequestPage), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await findInvoiceRequests(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentRequest), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('get', '/api/v1/invoice-requests/{id}', 'An invoice request with its derived lines'),
      request: { params: IdParam },
      responses: { 200: ok(InvoiceRequestDetail), ...errors },
    }),
    async (c) => c.json(await requestDetail(principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/invoice-requests/{id}/issue',
        'Finance issues the invoice (not the requester)',
      ),
      request: { params: IdParam },
      responses: { 201: ok(InvoiceDetail, 'Issued with the next gap-free number'), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const { invoice } = await issueInvoice(deps, p, c.req.valid('param').id);
      return c.json(presentInvoiceDetail(await getInvoice(deps, p, invoice.id)), 201);
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/invoice-requests/{id}/refuse', 'Finance refuses a request, with a comment'),
      request: { params: IdParam, ...jsonBody(CommentInput) },
      responses: { 200: ok(InvoiceRequest), ...errors },
    }),
    async (c) => {
      const r = await refuseInvoiceRequest(
        deps,
        principal(c),
        c.req.valid('param').id,
        c.req.valid('json').comment,
      );
      return c.json(presentRequest(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/invoice-requests/{id}/withdraw',
        'The requester or the buyer withdraws a request',
      ),
      request: { params: IdParam, ...jsonBody(ReasonInput) },
      responses: { 200: ok(InvoiceRequest), ...errors },
    }),
    async (c) => {
      const r = await withdrawInvoiceRequest(
        deps,
        principal(c),
        c.req.valid('param').id,
        c.req.valid('json').reason,
      );
      return c.json(presentRequest(r), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route('get', '/api/v1/invoices', 'Issued invoices in scope (blue and red-letter), with filters'),
      request: { query: InvoiceQuery },
      responses: { 200: ok(InvoicePage), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await findInvoices(deps, principal(c), { ...q, limit: q.limit + 1 });
      return c.json(pagedBy(rows, q.limit, presentInvoice), 200);
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/invoices/{id}',
        'An invoice with its lines, red-letter invoices and reversals',
      ),
      request: { params: IdParam },
      responses: { 200: ok(InvoiceDetail), ...errors },
    }),
    async (c) =>
      c.json(presentInvoiceDetail(await getInvoice(deps, principal(c), c.req.valid('param').id)), 200),
  );
  app.openapi(
    createRoute({
      ...route(
        'get',
        '/api/v1/invoices/{id}/pdf',
        'The invoice as PDF (Chinese rendered with an embedded font)',
      ),
      request: { params: IdParam },
      responses: {
        200: { description: 'PDF', content: { 'application/pdf': { schema: z.string() } } },
        ...errors,
      },
    }),
    async (c) => {
      const { invoice, pdf } = await invoicePdf(deps, principal(c), c.req.valid('param').id);
      return new Response(new Uint8Array(pdf), {
        status: 200,
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${invoice.number}.pdf"`,
        },
      });
    },
  );
  app.openapi(
    createRoute({
      ...route('post', '/api/v1/invoices/{id}/reversals', 'R30: red-letter reversal (红冲), full or partial'),
      request: { params: IdParam, ...jsonBody(ReversalInput) },
      responses: {
        201: ok(ReversalResult, 'Reversed, or awaiting the buyer’s confirmation (专票)'),
        ...errors,
      },
    }),
    async (c) => {
      const p = principal(c);
      const r = await reverseInvoice(deps, p, c.req.valid('param').id, c.req.valid('json'));
      return c.json(
        presentReversal(await getInvoice(deps, p, r.reversal.invoice_id), r.reversal.id, r.red),
        201,
      );
    },
  );
  app.openapi(
    createRoute({
      ...route(
        'post',
        '/api/v1/invoice-reversals/{id}/confirm',
        '红字发票信息确认单: the buyer confirms or declines (or finance records it)',
      ),
      request: { params: IdParam, ...jsonBody(ConfirmationInput) },
      responses: { 200: ok(ReversalResult), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const r = await confirmReversal(deps, p, c.req.valid('param').id, c.req.valid('json').decision);
      return c.json(
        presentReversal(await getInvoice(deps, p, r.reversal.invoice_id), r.reversal.id, r.red),
        200,
      );
    },
  );
};

function presentReversal(
  view: Awaited<ReturnType<typeof getInvoice>>,
  reversalId: string,
  red: Parameters<typeof presentInvoice>[0] | null,
): z.infer<typeof ReversalResult> {
  const reversal = presentInvoiceDetail(view).reversals.find((r) => r.id === reversalId);
  if (!reversal) throw new Error('reversal not on its invoice');
  return { reversal, red: red ? presentInvoice(red) : null };
}
