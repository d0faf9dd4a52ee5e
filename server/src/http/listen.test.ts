import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../app';
import { FakeClock } from '../platform/clock';
import { readServerConfig } from '../platform/server-config';
import { sql, useTestDatabase } from '../testing/test-db';
import { listen } from './listen';

describe('S-17 the server binds HOST and PORT', async () => {
  const database = await useTestDatabase();
  const app = createApp({ database, clock: new FakeClock() });

  it('S-17 HOST defaults to 127.0.0.1 and PORT to 3000; both are read from the environment', () => {
    assert.deepEqual((({ host, port }) => ({ host, port }))(readServerConfig({})), {
      host: '127.0.0.1',
      port: 3000,
    });
    const c = readServerConfig({ HOST: '0.0.0.0', PORT: '8080' });
    assert.equal(c.host, '0.0.0.0');
    assert.equal(c.port, 8080);
    assert.throws(() => readServerConfig({ PORT: 'eighty' }), /PORT must be an integer/);
  });

  it('S-17 listening binds the given host only, and answers there', async () => {
    const { server, address } = await listen(app.fetch, { host: '127.0.0.1', port: 0 });
    try {
      assert.equal(address.address, '127.0.0.1', 'not every interface');
      const res = await fetch(`http://127.0.0.1:${address.port}/api/v1/health`);
      assert.equal(res.status, 200);
      // Over a real socket the throttle keys on the peer address.
      const login = await fetch(`http://127.0.0.1:${address.port}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'nobody@example.com', password: 'wrong-password' }),
      });
      assert.equal(login.status, 401);
      const { rows } = await sql<{ key: string }>`select key from sign_in_counters
        where scope = 'address'`.execute(database.db);
      assert.deepEqual(
        rows.map((r) => r.key),
        ['127.0.0.1'],
      );
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
