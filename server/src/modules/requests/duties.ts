import type { Tx } from '../../platform/db/database';
import { AppError, type Text } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { actorsOf } from '../audit/audit-store';
import type { RequestRow } from './request';

// R25 separation of duties, for every request kind in the queue: the filer alone edits, submits and
// withdraws; whoever filed, edited or submitted a request never decides (or claims) it.

type FilerAction = 'edit' | 'submit' | 'withdraw';
const FILER_ONLY: Record<FilerAction, { code: string; zh: string; en: string }> = {
  edit: { code: 'EDIT_NOT_FILER', zh: '修改', en: 'edit' },
  submit: { code: 'SUBMIT_NOT_FILER', zh: '提交', en: 'submit' },
  // The code predates the rule's other two actions; kept stable for existing clients.
  withdraw: { code: 'WITHDRAW_NOT_CREATOR', zh: '撤回', en: 'withdraw' },
};

/** Refuses anyone but the user who filed the request (what the system filed, only the system moves). */
export function requireFiler(r: RequestRow, p: Principal, action: FilerAction): void {
  if (r.created_by === p.userId) return;
  const a = FILER_ONLY[action];
  throw new AppError({
    status: 403,
    code: a.code,
    message: {
      zh: `只有申请人可以${a.zh}申请 ${r.number}`,
      en: `Only the filer of ${r.number} may ${a.en} it`,
    },
    fixes: [
      action === 'edit'
        ? {
            zh: '如需更正，请退回（驳回）并写明原因，由申请人修改后重新提交',
            en: 'To correct it, return it with a comment; the filer edits and resubmits it',
          }
        : { zh: '请由申请人操作', en: 'Ask the filer to do it' },
    ],
    details: { action },
  });
}

export type Involvement = 'filed' | 'edited' | 'submitted';
const AUDIT_ACTION: Record<string, Involvement> = { create: 'filed', edit: 'edited', submit: 'submitted' };
const INVOLVED: Record<Involvement, Text> = {
  filed: { zh: '您是此申请的申请人', en: 'You filed this request' },
  edited: { zh: '您修改过此申请', en: 'You changed this request' },
  submitted: { zh: '您提交过此申请', en: 'You submitted this request' },
};

/**
 * How the user had a hand in the request: the row's filer and submitter, and the trail's create, edit and
 * submit rows (so an edit made before only filers could edit still counts). Read under the request's lock,
 * which every edit and submission also takes.
 */
export async function involvementOf(tx: Tx, r: RequestRow, userId: string): Promise<Involvement[]> {
  const found = new Set<Involvement>();
  if (r.created_by === userId) found.add('filed');
  if (r.submitted_by === userId) found.add('submitted');
  for (const a of await actorsOf(tx, 'request', r.id, Object.keys(AUDIT_ACTION))) {
    const kind = AUDIT_ACTION[a.action];
    if (a.actor_id === userId && kind) found.add(kind);
  }
  return (['filed', 'edited', 'submitted'] as const).filter((k) => found.has(k));
}

/** A principal without a user (a job, the CLI's system) has no hand in anything and is not checked. */
export async function refuseIfInvolved(tx: Tx, r: RequestRow, p: Principal, verb: Text): Promise<void> {
  if (!p.userId) return;
  const involvement = await involvementOf(tx, r, p.userId);
  const first = involvement[0];
  if (!first) return;
  throw new AppError({
    status: 403,
    code: 'SELF_APPROVAL',
    message: {
      zh: `${INVOLVED[first].zh}，不能${verb.zh}它`,
      en: `${INVOLVED[first].en}, so you cannot ${verb.en} it`,
    },
    fixes: [{ zh: '请由未经手此申请的同事处理', en: 'Ask a colleague who has not handled it' }],
    details: { involvement },
  });
}
