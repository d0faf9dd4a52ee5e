import type { PrincipalCache } from '../modules/parties/principal-cache';
import type { Clock } from './clock';
import type { Database } from './db/database';

/** What a use case needs from the wiring root. */
export interface Deps {
  database: Database;
  clock: Clock;
  /**
   * Issue #11: credential → principal rows kept in the process (ADR 0011). Only the wiring root sets it
   * (with its NOTIFY watcher); without it every request reads the credential, as tests expect by default.
   */
  principals?: PrincipalCache;
}
