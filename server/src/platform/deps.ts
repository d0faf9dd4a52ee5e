import type { Clock } from './clock';
import type { Database, Tx } from './db/database';
import type { PrincipalCache } from './principal-cache';

/** What a use case needs from the wiring root. */
export interface Deps {
  /** Only `db`: a use case called inside another's transaction gets that transaction here (`within`). */
  database: Pick<Database, 'db'>;
  clock: Clock;
  /**
   * Issue #11: credential → principal rows kept in the process (ADR 0011). Only the wiring root sets it
   * (with its NOTIFY watcher); without it every request reads the credential, as tests expect by default.
   */
  principals?: PrincipalCache;
}

/** The same deps, working inside the open transaction `tx`: a use case given them joins it (transact.ts). */
export function within(deps: Deps, tx: Tx): Deps {
  return { ...deps, database: { db: tx } };
}

/**
 * Deps for an in-transaction step that holds only the open transaction and the clock (`routeSubmitted`,
 * `applyApproval`), to call a use case inside it as `within` does.
 */
export function depsIn(tx: Tx, clock: Clock): Deps {
  return { database: { db: tx }, clock };
}
