import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, hasRole, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { heldBy } from './claim-refusal';
import { clearClaim, findRequest, holderOf } from './request-store';
import { REQUEST } from './submit-request';

/** The holder (or an admin) gives a claimed request back to the team (issue #3). */
export function releaseRequest(deps: Deps, p: Principal, id: string): Promise<void> {
  return transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id);
    if (!r) throw notFound(REQUEST);
    const admin = hasRole(p, 'admin');
    if (!(await clearClaim(tx, id, admin ? null : p.userId))) {
      const holder = await holderOf(tx, id);
      if (holder) throw heldBy(holder);
      throw conflict('REQUEST_NOT_CLAIMED', {
        zh: '该申请当前无人认领',
        en: 'Nobody holds this request',
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: 'release',
      before: { claimedBy: r.claimed_by },
    });
  });
}
