import type { RequestAction } from '@kaidan/shared/contracts/requests';
import { hasRole, type Principal } from '../../platform/principal';
import type { RequestRow } from './request';

const OPEN_TO_FILER = ['draft', 'returned'];

/**
 * What the caller may do with a request now (ADR 0007: the console shows these buttons and no others).
 * R25: the filer edits a top-up, resubmits and withdraws while it is a draft or returned for correction
 * (withdraws also while it waits); the owning team (or an admin) decides a submitted one, never its filer
 * or submitter, and not while a colleague holds it (issue #3). The use cases enforce the same rules.
 */
export function requestActions(
  r: Pick<RequestRow, 'category' | 'state' | 'owner_team' | 'created_by' | 'submitted_by' | 'claimed_by'>,
  p: Principal,
): RequestAction[] {
  const out: RequestAction[] = [];
  const me = p.userId;
  const filer = me !== null && r.created_by === me;
  if (filer && OPEN_TO_FILER.includes(r.state)) {
    if (r.category === 'topup') out.push('edit');
    out.push('submit', 'withdraw');
  }
  if (filer && r.state === 'submitted') out.push('withdraw');
  const decides =
    r.state === 'submitted' &&
    hasRole(p, r.owner_team, 'admin') &&
    !filer &&
    r.submitted_by !== me &&
    (r.claimed_by === null || r.claimed_by === me);
  if (decides) out.push('approve', 'return', 'decline');
  return out;
}
