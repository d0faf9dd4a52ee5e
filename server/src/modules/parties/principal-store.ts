import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Channel, Principal, Role } from '../../platform/principal';
import { principalFrom } from './user';

interface UserScopeRow {
  id: string;
  roles: Role[];
  partner_id: string | null;
  company_id: string | null;
  state: 'active' | 'disabled';
}

/** The acting principal of an active user, for the CLI and for sessions and API keys. */
export async function principalOfUser(
  ex: Exec,
  by: { id?: string; email?: string },
  channel: Channel,
): Promise<Principal | null> {
  const cond = by.id ? sql`id = ${by.id}` : sql`lower(email) = lower(${by.email ?? ''})`;
  const { rows } =
    await sql<UserScopeRow>`select id, roles, partner_id, company_id, state from users where ${cond}`.execute(
      ex,
    );
  const u = rows[0];
  return u?.state === 'active' ? principalFrom(u, channel) : null;
}
