import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { dropPrincipalsOf } from './drop-principals';
import { sha256 } from './password';
import { deleteSession } from './session-store';

/** Ends the session of this cookie; signing out twice is harmless. */
export async function signOut(deps: Deps, p: Principal, token: string): Promise<void> {
  const userId = await transact(deps.database.db, async (tx) => {
    const userId = await deleteSession(tx, sha256(token));
    if (!userId) return undefined;
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'user',
      objectId: userId,
      action: 'sign_out',
    });
    return userId;
  });
  // Drops the user's other cached credentials too: they are read again once, which is cheap and simple.
  if (userId) dropPrincipalsOf(deps, userId);
}
