import { sql } from 'kysely';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';

export interface CompanyRow {
  id: string;
  name_zh: string;
  name_en: string | null;
  tenant_id: string | null;
  partner_id: string | null;
  parent_id: string | null;
  region: string;
}

const COLS = sql`c.id, c.name_zh, c.name_en, c.tenant_id, c.partner_id, c.parent_id, c.region`;

/** DESIGN §1: partners see the customers they own, customers their company and its subsidiaries. */
export function companyScope(p: Principal) {
  if (p.kind === 'partner') return sql`c.partner_id = ${p.partnerId}`;
  if (p.kind === 'customer') return sql`(c.id = ${p.companyId} or c.parent_id = ${p.companyId})`;
  return sql`true`;
}

export async function companyInScope(ex: Exec, p: Principal, id: string): Promise<CompanyRow | undefined> {
  const { rows } =
    await sql<CompanyRow>`select ${COLS} from companies c where c.id = ${id} and ${companyScope(p)}`.execute(
      ex,
    );
  return rows[0];
}

/** Unscoped on purpose: a transfer request names a customer the filing partner does not own yet (R17). */
export async function companyByTenant(ex: Exec, tenantId: string): Promise<CompanyRow | undefined> {
  const { rows } =
    await sql<CompanyRow>`select ${COLS} from companies c where c.tenant_id = ${tenantId}`.execute(ex);
  return rows[0];
}

export async function updateCompanyPartner(
  ex: Exec,
  _clock: Clock,
  id: string,
  partnerId: string,
): Promise<void> {
  await sql`update companies set partner_id = ${partnerId}, version = version + 1 where id = ${id}`.execute(
    ex,
  );
}
