import type { Database } from '../../platform/db/database';
import type { Listening, PgListenOptions } from '../../platform/db/listen-store';
import type { PrincipalCache } from '../../platform/principal-cache';

/** The channel migration 2026_12_02_0100 notifies with the user id whose credentials changed. */
export const PRINCIPAL_CHANNEL = 'kaidan_principal';

export type WatchEvent = { kind: 'drop'; userId: string | null } | { kind: 'listening'; on: boolean };

export interface WatchOptions extends PgListenOptions {
  /** Told after each event has been applied to the cache (logs; tests wait on it). */
  onEvent?: (e: WatchEvent) => void;
}

/**
 * Keeps `cache` in step with changes made by any process: the trigger's NOTIFY drops the user's entries.
 * The cache is off until LISTEN is in effect and whenever the connection is lost (a change notified then
 * would be missed), and starts empty each time it comes back on.
 */
export async function watchPrincipals(
  database: Database,
  cache: PrincipalCache,
  o: WatchOptions = {},
): Promise<Listening> {
  cache.setEnabled(false);
  return database.listen(
    PRINCIPAL_CHANNEL,
    {
      notify: (payload) => {
        if (payload) cache.dropUser(payload);
        else cache.clear();
        o.onEvent?.({ kind: 'drop', userId: payload || null });
      },
      state: (on) => {
        cache.setEnabled(on);
        o.onEvent?.({ kind: 'listening', on });
      },
    },
    o,
  );
}
