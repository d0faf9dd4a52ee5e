import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Channel } from '../../platform/principal';
import { Semaphore } from '../../platform/semaphore';
import { appendAudit } from '../audit/audit-store';
import { newSecret, sha256, verifyPassword } from './password';
import { sessionExpiry } from './session';
import { insertSession } from './session-store';
import { type AttemptLimit, clearAttempts, giveBackAttempt, takeAttempt } from './throttle-store';
import { principalFrom } from './user';
import { credentialsByEmail } from './user-store';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  userId: string;
}

// One answer for an unknown email and a wrong password: the response must not reveal who has an account.
const invalidCredentials = () =>
  new AppError({
    status: 401,
    code: 'INVALID_CREDENTIALS',
    message: { zh: '邮箱或密码错误', en: 'Wrong email or password' },
    fixes: [
      { zh: '检查邮箱和密码，或联系管理员重置密码', en: 'Check both, or ask an admin to reset the password' },
    ],
  });

// S-12. Attempts are taken before the password is checked (so a burst cannot outrun the count), per
// account + client address (progressive: a window that ended locked doubles the next, up to 4 h), per
// address across accounts, and per account across addresses with a high ceiling. A stranger's guesses
// lock out only the stranger's address; the owner elsewhere signs in. Counted per email whether or not
// the account exists, so the limit itself reveals nothing. docs/auth.md "Guessing".
export const PAIR_LIMIT = 10;
export const ADDRESS_LIMIT = 100;
export const ACCOUNT_LIMIT = 50;
const WINDOW_SECONDS = 15 * 60;
const limitsOf = (email: string, address: string): AttemptLimit[] => [
  {
    scope: 'pair',
    key: `${email}|${address}`,
    max: PAIR_LIMIT,
    windowSeconds: WINDOW_SECONDS,
    maxStrikes: 4,
  },
  { scope: 'address', key: address, max: ADDRESS_LIMIT, windowSeconds: WINDOW_SECONDS, maxStrikes: 0 },
  { scope: 'account', key: email, max: ACCOUNT_LIMIT, windowSeconds: WINDOW_SECONDS, maxStrikes: 0 },
];
// argon2id costs ~19 MiB and a core for tens of ms: a burst waits its turn, and beyond the queue is refused.
const verifications = new Semaphore(2, 64);

const tooManyAttempts = (retryAfterSeconds: number) =>
  new AppError({
    status: 429,
    code: 'TOO_MANY_ATTEMPTS',
    message: { zh: '登录尝试次数过多，请稍后再试', en: 'Too many sign-in attempts; try again later' },
    fixes: [
      {
        zh: `${Math.ceil(retryAfterSeconds / 60)} 分钟后再试，或联系管理员重置密码`,
        en: `Wait ${Math.ceil(retryAfterSeconds / 60)} minute(s), or ask an admin to reset the password`,
      },
    ],
    details: { retryAfterSeconds },
  });

/** Takes one attempt in every scope, or none: a refusal gives back what was already taken. */
async function takeAttempts(deps: Deps, limits: AttemptLimit[], now: Date): Promise<void> {
  const taken: AttemptLimit[] = [];
  for (const l of limits) {
    const until = await takeAttempt(deps.database.db, l, now);
    if (until) {
      await giveBack(deps, taken);
      throw tooManyAttempts(Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)));
    }
    taken.push(l);
  }
}

const giveBack = async (deps: Deps, limits: AttemptLimit[]) => {
  for (const l of limits) await giveBackAttempt(deps.database.db, l.scope, l.key);
};

/** Checks the password (argon2id) and opens a session; only the token's sha256 is stored. */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  channel: Channel = 'console',
  client: { address: string } = { address: 'unknown' },
): Promise<SignedIn> {
  const key = input.email.trim().toLowerCase();
  const limits = limitsOf(key, client.address);
  await takeAttempts(deps, limits, toDate(deps.clock.now()));
  const u = await credentialsByEmail(deps.database.db, input.email.trim());
  const verdict = await verifications.run(() => verifyPassword(u?.password_hash ?? null, input.password));
  if (!verdict) {
    await giveBack(deps, limits);
    throw tooManyAttempts(1);
  }
  if (!verdict.value || !u) throw invalidCredentials();
  const [pair, ...wider] = limits;
  if (pair) await clearAttempts(deps.database.db, pair.scope, pair.key);
  await giveBack(deps, wider);
  // Said only to someone who knows the password, so it leaks nothing to a guesser.
  if (u.state !== 'active')
    throw new AppError({
      status: 403,
      code: 'USER_DISABLED',
      message: { zh: '该用户已停用', en: 'This user is disabled' },
      fixes: [{ zh: '请联系管理员', en: 'Ask an admin to enable the account' }],
    });
  const now = deps.clock.now();
  const token = newSecret();
  const expiresAt = toDate(sessionExpiry(now, now));
  await transact(deps.database.db, async (tx) => {
    const id = newId('ses', now.epochMilliseconds);
    await insertSession(tx, {
      id,
      user_id: u.id,
      token_hash: sha256(token),
      at: toDate(now),
      expires_at: expiresAt,
    });
    await appendAudit(tx, deps.clock, actorOf(principalFrom(u, channel)), {
      objectType: 'user',
      objectId: u.id,
      action: 'sign_in',
      after: { sessionId: id, expiresAt },
    });
  });
  return { token, expiresAt, userId: u.id };
}
