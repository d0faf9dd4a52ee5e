import type { App } from '../http/env';
import { createUser } from '../modules/parties';
import type { Clock } from '../platform/clock';
import type { Database } from '../platform/db/database';
import type { Role } from '../platform/principal';

export const TEST_PASSWORD = 'correct-horse-battery';
let seq = 0;

export interface MadeUser {
  id: string;
  email: string;
  password: string;
}

/** A user created through the real use case (argon2id hash, audit row), ready for signIn. */
export async function makeUser(
  database: Database,
  clock: Clock,
  opts: { roles: Role[]; partnerId?: string; companyId?: string; email?: string; password?: string },
): Promise<MadeUser> {
  seq += 1;
  const email = opts.email ?? `user${seq}.${Math.random().toString(36).slice(2, 8)}@test.kaidan`;
  const password = opts.password ?? TEST_PASSWORD;
  const id = await createUser(
    { database, clock },
    {
      email,
      name: email.split('@')[0] ?? email,
      roles: opts.roles,
      partnerId: opts.partnerId ?? null,
      companyId: opts.companyId ?? null,
      password,
    },
  );
  return { id, email, password };
}

/** Signs in through POST /api/v1/auth/login; returns the value for a `Cookie` request header. */
export async function signIn(app: Pick<App, 'request'>, email: string, password: string): Promise<string> {
  const res = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = /kaidan_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`sign-in of ${email} set no kaidan_session cookie`);
  return cookie;
}
