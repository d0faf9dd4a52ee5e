import type { Clock } from './clock';
import type { Database, Tx } from './db/database';

/** What a use case needs from the wiring root. */
export interface Deps {
  /** Only `db`: a use case called inside another's transaction gets that transaction here (`within`). */
  database: Pick<Database, 'db'>;
  clock: Clock;
}

/** The same deps, working inside the open transaction `tx`: a use case given them joins it (transact.ts). */
export function within(deps: Deps, tx: Tx): Deps {
  return { clock: deps.clock, database: { db: tx } };
}
