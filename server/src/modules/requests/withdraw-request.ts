import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { requireFiler } from './duties';
import type { Moved } from './request';
import { findRequest, moveRequest } from './request-store';
import { REQUEST } from './submit-request';

/** The one who filed a request may take it back while it is undecided. */
export function withdrawRequest(deps: Deps, p: Principal, id: string): Promise<Moved> {
  return transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id, true);
    if (!r) throw notFound(REQUEST);
    requireFiler(r, p, 'withdraw');
    if (!(await moveRequest(tx, id, ['draft', 'submitted', 'returned'], 'withdrawn'))) {
      throw conflict('REQUEST_DECIDED', {
        zh: `申请已${r.state}，不能撤回`,
        en: `The request is ${r.state} and cannot be withdrawn`,
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: 'withdraw',
      stateBefore: r.state,
      stateAfter: 'withdrawn',
    });
    return { id, number: r.number, state: 'withdrawn' as const };
  });
}
