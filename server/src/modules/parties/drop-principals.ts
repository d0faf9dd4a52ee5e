import { afterCommit } from '../../platform/db/request-scope';
import type { Deps } from '../../platform/deps';

/**
 * Called by each use case that changes what a user's credentials resolve to, after its transaction: this
 * process drops the user's entries once the change is committed (other processes hear the trigger's NOTIFY).
 */
export function dropPrincipalsOf(deps: Deps, userId: string): void {
  const cache = deps.principals;
  if (cache) afterCommit(() => cache.dropUser(userId));
}
