import type { Clock } from './clock';
import type { Database } from './db/database';

/** What a use case needs from the wiring root. */
export interface Deps {
  database: Database;
  clock: Clock;
}
