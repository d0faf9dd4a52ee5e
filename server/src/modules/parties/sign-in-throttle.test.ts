import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createApp } from '../../app';
import { FakeClock } from '../../platform/clock';
import { makeUser } from '../../testing/auth-factory';
import { useTestDatabase } from '../../testing/test-db';
import { PAIR_LIMIT } from './sign-in';

// S-12: the throttle counts before it verifies, atomically, per account + address and per address.
describe('S-12 sign-in throttling under a concurrent burst', async () => {
  const database = await useTestDatabase();
  const clock = new FakeClock('2026-11-20T02:00:00Z');
  const app = createApp({ database, clock, config: { trustProxy: true } });
  const login = (email: string, password: string, from: string) =>
    app.request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': `10.9.9.9, ${from}` },
      body: JSON.stringify({ email, password }),
    });

  it('S-12 200 concurrent guesses verify at most the limit; the right password in the burst is refused with 429 and Retry-After; another address still signs in', async () => {
    const u = await makeUser(database, clock, { roles: ['sales'], email: 'burst@example.com' });
    const attempts = Array.from({ length: 200 }, (_, i) =>
      login(u.email, i === 199 ? u.password : `wrong-${i}`, '203.0.113.7'),
    );
    const answers = await Promise.all(attempts);
    const statuses = answers.map((r) => r.status);
    const verified = statuses.filter((s) => s !== 429).length;
    assert.ok(verified <= PAIR_LIMIT, `${verified} verifications against a limit of ${PAIR_LIMIT}`);
    assert.equal(statuses[199], 429, 'the right password after the limit is refused');
    const last = answers[199];
    assert.ok(last);
    assert.equal(last.headers.get('content-type'), 'application/problem+json');
    assert.equal(((await last.json()) as { code: string }).code, 'TOO_MANY_ATTEMPTS');
    const retryAfter = Number(last.headers.get('retry-after'));
    assert.ok(retryAfter > 0 && retryAfter <= 15 * 60, `Retry-After ${retryAfter}`);
    assert.equal((await login(u.email, u.password, '203.0.113.7')).status, 429, 'still throttled');
    // The owner at another address is not locked out by a stranger's guesses.
    assert.equal((await login(u.email, u.password, '198.51.100.20')).status, 200);
  });

  it('S-12 a stranger who keeps guessing waits longer each window (progressive), and the owner elsewhere is never affected', async () => {
    const u = await makeUser(database, clock, { roles: ['sales'], email: 'slow@example.com' });
    const guessRound = async () => {
      const rs = await Promise.all(
        Array.from({ length: PAIR_LIMIT + 2 }, (_, i) => login(u.email, `nope-${i}`, '203.0.113.8')),
      );
      return rs.map((r) => r.headers.get('retry-after')).filter((x) => x !== null);
    };
    const first = Number((await guessRound())[0]);
    clock.advance({ seconds: first + 1 });
    const second = Number((await guessRound())[0]);
    assert.ok(second > first, `second lockout ${second}s after first ${first}s`);
    assert.equal((await login(u.email, u.password, '198.51.100.21')).status, 200);
  });

  it('S-12 one address spraying many accounts is limited per address', async () => {
    const rs = await Promise.all(
      Array.from({ length: 150 }, (_, i) => login(`spray${i}@example.com`, 'password-1', '203.0.113.9')),
    );
    const verified = rs.filter((r) => r.status !== 429).length;
    assert.ok(verified <= 100, `${verified} verifications from one address`);
    assert.ok(rs.some((r) => r.status === 429));
    assert.equal((await login('spray-other@example.com', 'password-1', '198.51.100.22')).status, 401);
  });
});
