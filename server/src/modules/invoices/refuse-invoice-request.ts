import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { transition } from '../../platform/state-machine';
import { appendAudit } from '../audit/audit-store';
import { REQUEST_LIFECYCLE, type RequestRow } from './invoice';
import { requestInScope } from './invoice-store';
import { notOpen, REQUEST, refuseSelf, requestNotFound } from './refusals';

/** Finance refuses a request (wrong buyer details, say), always with a comment; never its own request. */
export async function refuseInvoiceRequest(
  deps: Deps,
  p: Principal,
  id: string,
  comment: string,
): Promise<RequestRow> {
  requireRole(p, ['finance'], { zh: '驳回开票申请', en: 'refuse invoice requests' });
  if (!comment.trim())
    throw invalid('comment', 'COMMENT_REQUIRED', {
      zh: '驳回须写明原因',
      en: 'A refusal needs a comment',
    });
  return transact(deps.database.db, async (tx) => {
    const r = await requestInScope(tx, p, id, true);
    if (!r) throw requestNotFound();
    if (r.state !== 'requested') throw notOpen(REQUEST, r.state);
    refuseSelf(p, r.requested_by, REQUEST, { zh: '驳回', en: 'refuse' });
    await transition(tx, {
      table: 'invoice_requests',
      id: r.id,
      from: 'requested',
      to: 'refused',
      machine: REQUEST_LIFECYCLE,
      set: { decided_by: p.userId, decided_at: toDate(deps.clock.now()), comment: comment.trim() },
    });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'invoice_request',
      objectId: r.id,
      action: 'invoice_request.refused',
      stateBefore: 'requested',
      stateAfter: 'refused',
      reason: comment.trim(),
    });
    const after = await requestInScope(tx, p, id);
    if (!after) throw requestNotFound();
    return after;
  });
}
