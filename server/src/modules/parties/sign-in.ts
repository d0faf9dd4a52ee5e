import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Channel } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { newSecret, sha256, verifyPassword } from './password';
import { sessionExpiry } from './session';
import { insertSession } from './session-store';
import { clearFailures, recentFailures, recordFailure } from './throttle-store';
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

// Counted per email whether or not the account exists, so the limit itself reveals nothing.
export const MAX_FAILURES = 10;
const THROTTLE_MINUTES = 15;
const tooManyAttempts = () =>
  new AppError({
    status: 429,
    code: 'TOO_MANY_ATTEMPTS',
    message: { zh: '密码错误次数过多，请稍后再试', en: 'Too many wrong passwords; try again later' },
    fixes: [
      {
        zh: `${THROTTLE_MINUTES} 分钟后再试，或联系管理员`,
        en: `Wait ${THROTTLE_MINUTES} minutes, or ask an admin`,
      },
    ],
  });

/** Checks the password (argon2id) and opens a session; only the token's sha256 is stored. */
export async function signIn(
  deps: Deps,
  input: { email: string; password: string },
  channel: Channel = 'console',
): Promise<SignedIn> {
  const key = input.email.trim().toLowerCase();
  const now0 = deps.clock.now();
  const since = toDate(now0.subtract({ minutes: THROTTLE_MINUTES }));
  if ((await recentFailures(deps.database.db, key, since)) >= MAX_FAILURES) throw tooManyAttempts();
  const u = await credentialsByEmail(deps.database.db, input.email.trim());
  if (!(await verifyPassword(u?.password_hash ?? null, input.password)) || !u) {
    await recordFailure(deps.database.db, key, toDate(now0));
    throw invalidCredentials();
  }
  await clearFailures(deps.database.db, key);
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
  await deps.database.db.transaction().execute(async (tx) => {
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
