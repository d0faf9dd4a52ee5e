import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { reviewDeadline } from '../calendar';
import { COMMIT, requireActiveParty } from '../parties';
import { requireFiler } from './duties';
import type { Moved } from './request';
import { findRequest, moveRequest } from './request-store';

export const REQUEST = { zh: '申请', en: 'Request' };
export const REVIEW_BUSINESS_DAYS = 3;

/**
 * Draft or returned → submitted, by its filer alone (R25); the review clock starts now. Filing with
 * `submit` calls it within the filing's transaction (ADR 0014).
 */
export function submitRequest(deps: Deps, p: Principal, id: string): Promise<Moved> {
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id, true);
    if (!r) throw notFound(REQUEST);
    requireFiler(r, p, 'submit');
    if (r.category === 'topup' || r.category === 'refund')
      await requireActiveParty(tx, p, COMMIT[r.category]);
    // R34: decided within 3 business days on the business calendar; the submission day does not count.
    const due = await reviewDeadline(tx, clock.now(), REVIEW_BUSINESS_DAYS);
    const ok = await moveRequest(tx, id, ['draft', 'returned'], 'submitted', {
      submitted_by: p.userId,
      submitted_at: toDate(clock.now()),
      due_at: toDate(due.at),
      due_provisional: due.provisional,
    });
    if (!ok) {
      throw conflict('REQUEST_NOT_EDITABLE', {
        zh: `申请当前为 ${r.state}，不能提交`,
        en: `The request is ${r.state} and cannot be submitted`,
      });
    }
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: 'submit',
      stateBefore: r.state,
      stateAfter: 'submitted',
    });
    return { id, number: r.number, state: 'submitted' };
  });
}
