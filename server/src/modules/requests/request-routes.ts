import { createRoute, z } from '@hono/zod-openapi';
import type { Currency } from '@kaidan/shared';
import { LIST_SORTS, ListQuery, page, sortOf } from '@kaidan/shared/contracts/common';
import {
  DecisionInput,
  Filed,
  Request,
  RequestCategory,
  RequestDetail,
  RequestState,
} from '@kaidan/shared/contracts/requests';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { exportResponse } from '../../http/export';
import { iso, money, pagedBy, presentAudit } from '../../http/present';
import { errors, FORMAT, fileAnswer, IdParam, jsonBody, ok } from '../../http/route-kit';
import type { Principal } from '../../platform/principal';
import {
  commentRequest,
  decideRequest,
  getRequest,
  listQueue,
  submitRequest,
  type Verdict,
  withdrawRequest,
} from '.';
import { registerClaimRoutes } from './claim-routes';
import { registerFilingRoutes } from './filing-routes';
import { requestActions } from './request-actions';
import { presentRefundLine, presentRefundPayment, presentRequest } from './request-present';

const tags = ['requests'];
const QueueQuery = ListQuery.extend({
  category: RequestCategory.optional(),
  state: RequestState.optional(),
  ownerTeam: z.enum(['finance', 'order_desk']).optional(),
  partnerId: z.string().optional(),
  companyId: z.string().optional(),
  mine: z.enum(['true', 'false']).optional().describe('true: only the requests I have claimed'),
  overdue: z.enum(['true', 'false']).optional().describe('R34 true: only open requests past their deadline'),
  sort: sortOf(LIST_SORTS.requests, '-created'),
});

// `mine=true` without a user (a job) matches nothing rather than everything; `overdue=true` is judged
// against the clock now (R34), as the `overdue` flag of each row is.
const mineOf = <Q extends { mine?: 'true' | 'false' | undefined; overdue?: 'true' | 'false' | undefined }>(
  q: Q,
  p: Principal,
  now: Date,
) => {
  const { mine, overdue, ...rest } = q;
  return {
    ...rest,
    ...(mine === 'true' ? { claimedBy: p.userId ?? '-' } : {}),
    ...(overdue === 'true' ? { overdueAt: now } : {}),
  };
};

const postOn = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: ok(Filed), ...errors },
  });

export const registerRequestRoutes: RegisterRoutes = (app, deps) => {
  registerClaimRoutes(app, deps);
  registerFilingRoutes(app, deps);
  const now = () => new Date(deps.clock.now().epochMilliseconds);
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/requests',
      tags,
      summary: 'The review queue (R11, R26, R34) or, for a partner or customer, the requests it filed',
      request: { query: QueueQuery },
      responses: { 200: ok(page(Request)), ...errors },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const rows = await listQueue(deps, principal(c), {
        ...mineOf(q, principal(c), now()),
        limit: q.limit + 1,
      });
      return c.json(
        pagedBy(
          rows.map((r) => ({
            ...r,
            sort_token: r.request.sort_token,
            sort_key: r.request.sort_key,
            sort_id: r.request.sort_id,
          })),
          q.limit,
          (r) => presentRequest(r, now()),
        ),
        200,
      );
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/requests/export',
      tags,
      summary: 'R26/R39 the filtered queue (e.g. every top-up, settled and pending) as CSV or XLSX',
      request: { query: QueueQuery.omit({ after: true, limit: true }).extend(FORMAT) },
      responses: fileAnswer,
    }),
    async (c) => {
      const { format, ...filter } = c.req.valid('query');
      const rows = await listQueue(deps, principal(c), {
        ...mineOf(filter, principal(c), now()),
        limit: 10_000,
      });
      const header = [
        '编号 number',
        '类别 category',
        '负责 team',
        '状态 state',
        '提交 submitted',
        '期限 due',
        '暂定 provisional',
        '超时 overdue',
        '币种 currency',
        '金额 amount',
        '付款方 payer',
        '银行流水 bank ref',
      ];
      const body = rows.map(({ request: r, topup: t }) => [
        r.number,
        r.category,
        r.owner_team,
        r.state,
        iso(r.submitted_at),
        iso(r.due_at),
        r.due_provisional ? 'yes' : '',
        r.state === 'submitted' && r.due_at !== null && r.due_at < now() ? 'yes' : '',
        t?.currency ?? '',
        t ? money(t.amount, t.currency) : '',
        t?.payer ?? '',
        t?.bank_ref ?? '',
      ]);
      return exportResponse(`requests-${deps.clock.now().toString().slice(0, 10)}`, format, header, body);
    },
  );
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/requests/{id}',
      tags,
      summary: 'A request with its comments and refund lines',
      request: { params: IdParam },
      responses: { 200: ok(RequestDetail), ...errors },
    }),
    async (c) => {
      const p = principal(c);
      const d = await getRequest(deps, p, c.req.valid('param').id);
      const cur = ((d.request.payload as { currency?: Currency }).currency ?? 'CNY') as Currency;
      return c.json(
        {
          request: presentRequest(d, now()),
          actions: requestActions(d.request, p),
          comments: d.comments.map((m) => ({
            authorId: m.author_id,
            action: m.action,
            body: m.body,
            at: m.at.toISOString(),
          })),
          refundLines: d.refundLines.map((l) => presentRefundLine(l, cur)),
          refundPayments: d.refundPayments.map(presentRefundPayment),
          trail: d.trail.map(presentAudit),
        },
        200,
      );
    },
  );
  app.openapi(
    postOn('/api/v1/requests/{id}/submit', 'Submit a draft or returned request', z.object({})),
    async (c) => c.json(await submitRequest(deps, principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    postOn('/api/v1/requests/{id}/withdraw', 'The filer takes back an undecided request', z.object({})),
    async (c) => c.json(await withdrawRequest(deps, principal(c), c.req.valid('param').id), 200),
  );
  app.openapi(
    postOn('/api/v1/requests/{id}/comments', 'Add a comment to a request’s conversation', DecisionInput),
    async (c) => {
      const id = c.req.valid('param').id;
      const r = await getRequest(deps, principal(c), id);
      await commentRequest(deps, principal(c), {
        id,
        body: (c.req.valid('json') as z.infer<typeof DecisionInput>).comment,
      });
      return c.json({ id, number: r.request.number, state: r.request.state }, 200);
    },
  );
  for (const verdict of ['approve', 'return', 'decline'] as const satisfies readonly Verdict[]) {
    app.openapi(
      postOn(
        `/api/v1/requests/{id}/${verdict}`,
        `The owning team ${verdict}s, with a comment; never the submitter (R25)`,
        DecisionInput,
      ),
      async (c) => {
        const { comment } = c.req.valid('json') as z.infer<typeof DecisionInput>;
        return c.json(
          await decideRequest(deps, principal(c), { id: c.req.valid('param').id, verdict, comment }),
          200,
        );
      },
    );
  }
};
