import { type Clock, toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/executor';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { transition } from '../../platform/state-machine';
import { appendAudit } from '../audit/audit-store';
import { REQUEST_LIFECYCLE, type RequestRow } from './invoice';
import { lockOpenRequests, requestInScope } from './invoice-store';
import { notOpen, REQUEST, requestNotFound } from './refusals';

/**
 * R33: invoice requests not yet issued are withdrawn with the refund that makes them moot, in the
 * refund's transaction (`tx`). Requests already issued, refused or withdrawn are left as they are; the
 * ids actually withdrawn are returned. The refunds module calls this; it decides who may.
 */
export async function withdrawInvoiceRequests(
  tx: Tx,
  clock: Clock,
  principal: Principal,
  requestIds: readonly string[],
  reason: string,
): Promise<string[]> {
  const open = await lockOpenRequests(tx, requestIds);
  const done: string[] = [];
  for (const r of open) {
    const moved = await transition(tx, {
      table: 'invoice_requests',
      id: r.id,
      from: 'requested',
      to: 'withdrawn',
      machine: REQUEST_LIFECYCLE,
      set: { decided_by: principal.userId, decided_at: toDate(clock.now()), comment: reason },
    });
    if (!moved) continue;
    await appendAudit(tx, clock, actorOf(principal), {
      objectType: 'invoice_request',
      objectId: r.id,
      action: 'invoice_request.withdrawn',
      stateBefore: 'requested',
      stateAfter: 'withdrawn',
      reason,
    });
    done.push(r.id);
  }
  return done;
}

/** The requester (or another user of the buyer company) withdraws a request not yet issued. */
export async function withdrawInvoiceRequest(
  deps: Deps,
  p: Principal,
  id: string,
  reason: string,
): Promise<RequestRow> {
  requireRole(p, ['customer', 'finance'], { zh: '撤回开票申请', en: 'withdraw an invoice request' });
  return transact(deps.database.db, async (tx) => {
    const r = await requestInScope(tx, p, id, true);
    if (!r) throw requestNotFound();
    if (p.kind !== 'customer' && r.requested_by !== p.userId)
      throw new AppError({
        status: 403,
        code: 'WITHDRAW_NOT_CREATOR',
        message: {
          zh: '只有申请人或购买方可以撤回开票申请',
          en: 'Only the requester or the buyer may withdraw it',
        },
        fixes: [{ zh: '如不予开票，请驳回并写明原因', en: 'To decline it, refuse it with a comment' }],
      });
    if (r.state !== 'requested') throw notOpen(REQUEST, r.state);
    await withdrawInvoiceRequests(tx, deps.clock, p, [r.id], reason);
    const after = await requestInScope(tx, p, id);
    if (!after) throw requestNotFound();
    return after;
  });
}
