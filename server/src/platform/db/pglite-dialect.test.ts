import assert from 'node:assert/strict';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { describe, it } from 'node:test';
import { sql } from 'kysely';
import { useTestDatabase } from '../../testing/test-db';

// S-11: a new client must not wait for the transactions of clients already connected. PGlite answers in
// this process without waiting on I/O, so the test watches whether the event loop still accepts a
// connection while a transaction runs (on PostgreSQL every statement waits on a socket anyway).
describe('S-11 the embedded session does not starve new arrivals', async () => {
  const { db } = await useTestDatabase();

  it('S-11 a connection arriving during a transaction is accepted before it commits', async () => {
    const server = createServer((s) => s.end());
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    let acceptedAt = -1;
    let statements = 0;
    server.once('connection', () => {
      acceptedAt = statements;
    });
    try {
      const client = connect(port, '127.0.0.1');
      client.on('error', () => {});
      await db.transaction().execute(async (tx) => {
        for (let i = 0; i < 40; i++) {
          await sql`select ${i}::int as i`.execute(tx);
          statements += 1;
        }
      });
      client.destroy();
      assert.ok(acceptedAt >= 0 && acceptedAt < 40, `accepted after ${acceptedAt} of 40 statements`);
    } finally {
      server.close();
    }
  });

  it('S-11 a transaction still owns the session from BEGIN to COMMIT while others wait', async () => {
    await sql`create table t_s11 (n int not null)`.execute(db);
    const seen: number[][] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, k) =>
        db.transaction().execute(async (tx) => {
          for (let i = 0; i < 5; i++) await sql`insert into t_s11 values (${k})`.execute(tx);
          const { rows } = await sql<{ n: number }>`select n from t_s11 order by n`.execute(tx);
          seen.push(rows.map((r) => r.n));
        }),
      ),
    );
    // Each transaction saw whole earlier transactions and its own five rows, never a half of another.
    for (const rows of seen) {
      const counts = new Map<number, number>();
      for (const n of rows) counts.set(n, (counts.get(n) ?? 0) + 1);
      assert.ok(
        [...counts.values()].every((c) => c === 5),
        JSON.stringify(rows),
      );
    }
  });
});
