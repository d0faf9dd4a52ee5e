import { createRoute, z } from '@hono/zod-openapi';
import {
  CompanyRenameInput,
  Filed,
  RefundInput,
  RequestState,
  SeatReductionInput,
  TopupEdit,
  TopupInput,
  TransferInput,
  VoidRequestInput,
} from '@kaidan/shared/contracts/requests';
import { principal } from '../../http/auth';
import type { RegisterRoutes } from '../../http/env';
import { errors, IdParam, jsonBody, ok } from '../../http/route-kit';
import type { Principal } from '../../platform/principal';
import {
  editTopup,
  fileCompanyRename,
  fileRefund,
  fileSeatReduction,
  fileTopup,
  fileTransfer,
  fileVoidRequest,
} from '.';

const tags = ['requests'];
const post = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post',
    path,
    tags,
    summary,
    request: jsonBody(body),
    responses: { 201: ok(Filed, 'Created'), ...errors },
  });

/** What partners and customers file into the queue: top-ups (R25), refunds (R32/R27), seat reductions (R13), transfers (R17). */
export const registerFilingRoutes: RegisterRoutes = (app, deps) => {
  // Each filing answers what was filed: its id, number and state (draft, or submitted to its team).
  const filing = <T extends z.ZodType>(
    path: string,
    summary: string,
    body: T,
    file: (p: Principal, input: z.infer<T>) => Promise<{ id: string; number: string; state: string }>,
  ) =>
    app.openapi(post(path, summary, body), async (c) => {
      // A generic route loses hono's body type; the schema has validated it all the same.
      const r = await file(principal(c), c.req.valid('json' as never) as z.infer<T>);
      return c.json({ id: r.id, number: r.number, state: RequestState.parse(r.state) }, 201);
    });
  filing(
    '/api/v1/topups',
    'R25 file an offline top-up application (draft, or submitted to finance)',
    TopupInput,
    (p, i) => fileTopup(deps, p, i),
  );
  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/topups/{id}',
      tags,
      summary: 'R25 edit a draft or returned application',
      request: { params: IdParam, ...jsonBody(TopupEdit) },
      responses: { 200: ok(z.object({ ok: z.boolean() })), ...errors },
    }),
    async (c) => {
      await editTopup(deps, principal(c), { ...c.req.valid('json'), id: c.req.valid('param').id });
      return c.json({ ok: true }, 200);
    },
  );
  filing(
    '/api/v1/refunds',
    'R32/R27 request a refund (返款) or settled-offline return for one or many orders',
    RefundInput,
    (p, i) => fileRefund(deps, p, i),
  );
  filing(
    '/api/v1/seat-reductions',
    'R13 request a seat reduction, decided by the order desk',
    SeatReductionInput,
    (p, i) => fileSeatReduction(deps, p, i),
  );
  filing('/api/v1/transfers', 'R17 request that a customer move to another partner', TransferInput, (p, i) =>
    fileTransfer(deps, p, i),
  );
  filing(
    '/api/v1/void-requests',
    'R5 request the void of an archived order, with the signed void document or a manager’s approval',
    VoidRequestInput,
    (p, i) => fileVoidRequest(deps, p, i),
  );
  filing(
    '/api/v1/company-renames',
    'R7 request a company rename (after its renewal was approved), decided by the order desk',
    CompanyRenameInput,
    (p, i) => fileCompanyRename(deps, p, i),
  );
};
