import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Channel, Principal, Role } from '../../platform/principal';

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
  if (u?.state !== 'active') return null;
  const kind = u.roles.includes('partner_agent')
    ? 'partner'
    : u.roles.includes('customer')
      ? 'customer'
      : 'staff';
  return { userId: u.id, kind, roles: u.roles, partnerId: u.partner_id, companyId: u.company_id, channel };
}
