import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, invalid, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { notify } from '../notifications';
import { applyApproval } from './apply-approval';
import { heldBy } from './claim-refusal';
import { refuseIfInvolved } from './duties';
import { CATEGORY_NAME, type Moved, type RequestState } from './request';
import { addComment, findRequest, holderOf, settleRequest } from './request-store';
import { REQUEST } from './submit-request';

export type Verdict = 'approve' | 'return' | 'decline';
const TO: Record<Verdict, RequestState> = { approve: 'approved', return: 'returned', decline: 'declined' };
const VERB = {
  approve: { zh: '已批准', en: 'approved' },
  return: { zh: '已退回修改', en: 'returned for correction' },
  decline: { zh: '未通过', en: 'declined' },
};

export interface RequestDecision {
  id: string;
  verdict: Verdict;
  /** required: the filer reads why (R25) */
  comment: string;
}

/**
 * The owning team decides a submitted request, always with a comment; the decider is never its filer,
 * an editor or a submitter (R25). No claim is needed, but a request a colleague holds is theirs to decide (issue #3). Approval
 * applies the request's effect in the same transaction; the submitter is told (R4).
 */
export async function decideRequest(
  deps: Deps,
  p: Principal,
  { id, verdict, comment }: RequestDecision,
): Promise<Moved> {
  if (!comment.trim())
    throw invalid('comment', 'COMMENT_REQUIRED', { zh: '审核须填写意见', en: 'A decision needs a comment' });
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id, true);
    if (!r) throw notFound(REQUEST);
    requireRole(p, [r.owner_team, 'admin'], {
      zh: `审核${CATEGORY_NAME[r.category].zh}申请`,
      en: `decide ${CATEGORY_NAME[r.category].en.toLowerCase()} requests`,
    });
    await refuseIfInvolved(tx, r, p, { zh: '审核', en: 'decide' });
    const to = TO[verdict];
    if (!(await settleRequest(tx, id, to, p.userId, toDate(clock.now())))) {
      const holder = await holderOf(tx, id);
      if (r.state === 'submitted' && holder && holder.id !== p.userId) throw heldBy(holder);
      throw conflict('REQUEST_NOT_SUBMITTED', {
        zh: `申请当前为 ${r.state}，不能审核`,
        en: `The request is ${r.state} and cannot be decided`,
      });
    }
    if (verdict === 'approve') await applyApproval(tx, clock, p, r);
    await addComment(tx, clock, id, p.userId, verdict, comment);
    await appendAudit(tx, clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: verdict,
      stateBefore: 'submitted',
      stateAfter: to,
      reason: comment,
    });
    const v = VERB[verdict];
    await notify(
      tx,
      clock,
      r.created_by,
      `request_${to}`,
      {
        zh: `${CATEGORY_NAME[r.category].zh}申请 ${r.number} ${v.zh}：${comment}`,
        en: `${CATEGORY_NAME[r.category].en} request ${r.number} was ${v.en}: ${comment}`,
      },
      { type: 'request', id },
    );
    return { id, number: r.number, state: to };
  });
}
