import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { type AuditRow, listAudit } from '../audit/audit-store';
import {
  type RefundLineRow,
  type RequestRefundPaymentRow,
  refundLinesOf,
  refundPaymentsOf,
} from '../refunds';
import type { CommentRow, RequestRow } from './request';
import { commentsOf, findRequest, listRequests, type QueueFilter } from './request-store';
import { asSeenBy } from './request-view';
import { REQUEST } from './submit-request';
import { type NamedTopupRow, topupsOf } from './topup-store';

export interface RequestView {
  request: RequestRow;
  topup: NamedTopupRow | null;
}

/** The review queue (R11, R26): every category with its owner team, state and due time. */
export async function listQueue(
  deps: Deps,
  p: Principal,
  f: QueueFilter,
): Promise<(RequestView & { request: KeyedRow })[]> {
  const rows = await listRequests(deps.database.db, p, f);
  const topups = await topupsOf(
    deps.database.db,
    rows.filter((r) => r.category === 'topup').map((r) => r.id),
  );
  const byId = new Map(topups.map((t) => [t.request_id, t]));
  return rows.map((request) => ({ request: asSeenBy(p, request), topup: byId.get(request.id) ?? null }));
}

export async function getRequest(
  deps: Deps,
  p: Principal,
  id: string,
): Promise<
  RequestView & {
    comments: CommentRow[];
    refundLines: RefundLineRow[];
    refundPayments: RequestRefundPaymentRow[];
    trail: AuditRow[];
  }
> {
  const ex = deps.database.db;
  const request = await findRequest(ex, p, id);
  if (!request) throw notFound(REQUEST);
  const [topups, comments, refundLines, refundPayments, trail] = await Promise.all([
    topupsOf(ex, [id]),
    commentsOf(ex, id),
    refundLinesOf(ex, id),
    refundPaymentsOf(ex, id),
    listAudit(ex, 'request', id),
  ]);
  return {
    request: asSeenBy(p, request),
    topup: topups[0] ?? null,
    comments,
    refundLines,
    refundPayments,
    trail,
  };
}
