import type { Database } from '../platform/db/database';
import { freshTestDatabase } from './test-db';

export interface CountedDatabase {
  database: Database;
  /** Every statement the engine ran since the last `reset`, whitespace folded. */
  statements: string[];
  reset(): void;
  /** PostgreSQL only: the URL, so a test can open a second instance on the same database. */
  url: string | undefined;
}

/**
 * A fresh migrated database (engine under test) whose statements are counted through `onQuery`, as the
 * structural tests do (issue #11); closed when the file's tests end.
 */
export async function countedTestDatabase(): Promise<CountedDatabase> {
  const statements: string[] = [];
  const { database, url } = await freshTestDatabase({
    onQuery: (e) => {
      statements.push(e.query.sql.replace(/\s+/g, ' ').trim());
    },
  });
  return { database, statements, reset: () => void statements.splice(0), url };
}
