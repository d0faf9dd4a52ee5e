import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

/**
 * R17: refund requests still open (draft, submitted, returned) on the customer's orders — a transfer waits
 * for them, since approving one later would revoke what the customer then holds through its new partner.
 */
export async function openRefundsOn(ex: Exec, companyId: string): Promise<{ id: string; number: string }[]> {
  const { rows } = await sql<{ id: string; number: string }>`select r.id, r.number from requests r
    where r.category = 'refund' and r.state in ('draft', 'submitted', 'returned')
      and (r.company_id = ${companyId} or exists (select 1 from refund_lines rl join orders o on o.id = rl.order_id
        where rl.request_id = r.id and o.company_id = ${companyId}))
    order by r.created_at, r.id`.execute(ex);
  return rows;
}
