import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { type CompanyRow, inCompanyScope } from './company-store';

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

/** The company an order is placed for, with its state and the acting party's: one statement (issue #11). */
export interface OrderingCompany extends CompanyRow {
  state: PartyStateName;
  acting: PartyState | null;
}

/**
 * Reads the company in scope, locked FOR NO KEY UPDATE when `lock` (R17: the payer cannot change under
 * a submit, and orders of one customer queue here, not on the wallet), with the acting party's state.
 */
export async function orderingCompany(
  ex: Exec,
  p: Principal,
  companyId: string,
  lock: boolean,
): Promise<OrderingCompany | undefined> {
  const acting =
    p.kind === 'partner' && p.partnerId
      ? sql`(select json_build_object('type', 'partner', 'id', id, 'name_zh', name_zh, 'name_en', name_en,
          'state', state) from partners where id = ${p.partnerId})`
      : p.kind === 'customer' && p.companyId
        ? sql`(select json_build_object('type', 'company', 'id', id, 'name_zh', name_zh, 'name_en', name_en,
            'state', state) from companies where id = ${p.companyId})`
        : sql`null::json`;
  const { rows } = await sql<OrderingCompany>`select c.id, c.name_zh, c.name_en, c.tenant_id, c.partner_id,
      c.parent_id, c.region, c.state, ${acting} as acting
    from companies c where c.id = ${companyId} and ${inCompanyScope(p, sql.ref('c.id'))}
    ${lock ? sql`for no key update of c` : sql``}`.execute(ex);
  return rows[0];
}
