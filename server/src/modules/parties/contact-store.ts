import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';

export interface ContactRow {
  id: string;
  company_id: string;
  name: string;
  email: string;
  phone: string | null;
  is_payer: boolean;
  is_invoice: boolean;
  created_at: Date;
}

export async function insertContact(ex: Exec, c: ContactRow): Promise<void> {
  await sql`insert into contacts (id, company_id, name, email, phone, is_payer, is_invoice, created_at)
    values (${c.id}, ${c.company_id}, ${c.name}, ${c.email}, ${c.phone}, ${c.is_payer}, ${c.is_invoice},
      ${c.created_at})`.execute(ex);
}

export async function contactsOf(ex: Exec, companyId: string): Promise<ContactRow[]> {
  const { rows } =
    await sql<ContactRow>`select id, company_id, name, email, phone, is_payer, is_invoice, created_at
    from contacts where company_id = ${companyId} order by id`.execute(ex);
  return rows;
}
