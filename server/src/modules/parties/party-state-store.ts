import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { inCompanyScope } from './company-store';

export type PartyStateName = 'active' | 'suspended';

export interface PartyState {
  type: 'partner' | 'company';
  id: string;
  name_zh: string;
  name_en: string | null;
  state: PartyStateName;
}

/** The party a partner agent or customer user acts for; staff and the system have none. */
export async function actingParty(ex: Exec, p: Principal): Promise<PartyState | undefined> {
  if (p.kind === 'partner' && p.partnerId) {
    const { rows } = await sql<PartyState>`select 'partner' as type, id, name_zh, name_en, state
      from partners where id = ${p.partnerId}`.execute(ex);
    return rows[0];
  }
  if (p.kind === 'customer' && p.companyId) {
    const { rows } = await sql<PartyState>`select 'company' as type, id, name_zh, name_en, state
      from companies where id = ${p.companyId}`.execute(ex);
    return rows[0];
  }
  return undefined;
}

/**
 * The company an order is (or would be) for, if the principal may see it: outside the scope the caller
 * gets its usual 404 later, and learns nothing here. An order is named by id so that the check can run
 * before the order is loaded.
 */
export async function orderedCompany(
  ex: Exec,
  p: Principal,
  by: { companyId: string } | { orderId: string },
): Promise<PartyState | undefined> {
  const id =
    'companyId' in by ? sql`${by.companyId}` : sql`(select company_id from orders where id = ${by.orderId})`;
  const { rows } = await sql<PartyState>`select 'company' as type, c.id, c.name_zh, c.name_en, c.state
    from companies c where c.id = ${id} and ${inCompanyScope(p, sql.ref('c.id'))}`.execute(ex);
  return rows[0];
}

export async function setCompanyState(ex: Exec, id: string, state: PartyStateName): Promise<void> {
  await sql`update companies set state = ${state} where id = ${id}`.execute(ex);
}
