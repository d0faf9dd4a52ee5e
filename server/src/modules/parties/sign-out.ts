import type { Deps } from '../../platform/deps';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { sha256 } from './password';
import { deleteSession } from './session-store';

/** Ends the session of this cookie; signing out twice is harmless. */
export async function signOut(deps: Deps, p: Principal, token: string): Promise<void> {
  await deps.database.db.transaction().execute(async (tx) => {
    const userId = await deleteSession(tx, sha256(token));
    if (!userId) return;
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'user',
      objectId: userId,
      action: 'sign_out',
    });
  });
}
