import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { type AttemptFilter, type AttemptRow, attemptInScope, listAttempts } from './payment-store';

const ATTEMPT = { zh: '支付记录', en: 'Payment attempt' };

/** R26: online top-ups (pending, paid, abandoned) the caller may see, filtered, one keyset page. */
export function listOnlineTopups(
  deps: Deps,
  p: Principal,
  f: Omit<AttemptFilter, 'principal'>,
): Promise<(AttemptRow & KeyedRow)[]> {
  return listAttempts(deps.database.db, { ...f, principal: p });
}

/** One attempt in the caller's scope; out of scope is indistinguishable from missing (404). */
export async function getAttempt(deps: Deps, p: Principal, id: string): Promise<AttemptRow> {
  const a = await attemptInScope(deps.database.db, p, id);
  if (!a) throw notFound(ATTEMPT);
  return a;
}
