import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { forbidden, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { claimRefusal } from './claim-refusal';
import { refuseIfInvolved } from './duties';
import { CATEGORY_NAME } from './request';
import { findRequest, markClaimed } from './request-store';
import { REQUEST } from './submit-request';

/**
 * A member of the owning team (or an admin) takes a submitted request so colleagues see who is on it
 * (issue #3). One conditional UPDATE: of two racing claims exactly one wins; the other learns who did.
 */
export function claimRequest(deps: Deps, p: Principal, id: string): Promise<void> {
  return transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id);
    if (!r) throw notFound(REQUEST);
    requireRole(p, [r.owner_team, 'admin'], {
      zh: `认领${CATEGORY_NAME[r.category].zh}申请`,
      en: `claim ${CATEGORY_NAME[r.category].en.toLowerCase()} requests`,
    });
    const me = p.userId;
    if (!me) throw forbidden({ zh: '只有用户可以认领申请', en: 'Only a signed-in user can claim a request' });
    // R25: one may not take on what one may not decide.
    await refuseIfInvolved(tx, r, p, { zh: '认领', en: 'claim' });
    if (!(await markClaimed(tx, id, me, toDate(deps.clock.now())))) {
      const refusal = await claimRefusal(tx, id, r.state);
      // Claiming what one already holds changes nothing.
      if (refusal.details.holder && (refusal.details.holder as { id: string }).id === me) return;
      throw refusal;
    }
    await appendAudit(tx, deps.clock, actorOf(p), { objectType: 'request', objectId: id, action: 'claim' });
  });
}
