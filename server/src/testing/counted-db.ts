import { after } from 'node:test';
import { type Database, openDatabase } from '../platform/db/database';
import { ENGINE, pgTestDatabase, testDatabase } from './test-db';

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
  const pg = ENGINE === 'postgres' ? await pgTestDatabase() : undefined;
  const template = pg ? undefined : await testDatabase();
  const statements: string[] = [];
  const database = await openDatabase({
    url: pg?.url,
    dataDir: 'memory://',
    ...(template?.dump ? { loadDataDir: await template.dump() } : {}),
    onQuery: (e) => {
      statements.push(e.query.sql.replace(/\s+/g, ' ').trim());
    },
  });
  await template?.close();
  after(async () => {
    await database.close();
    await pg?.drop();
  });
  return { database, statements, reset: () => void statements.splice(0), url: pg?.url };
}
