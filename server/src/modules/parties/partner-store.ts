import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';

export interface PartnerRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  state: 'active' | 'suspended';
  created_at: Date;
  version: number;
}

const COLS = sql`id, code, name_zh, name_en, state, created_at, version`;

/** A partner agent sees its own partner; customers see none; staff all. */
function partnerScope(p: Principal) {
  if (p.kind === 'partner') return sql`id = ${p.partnerId}`;
  if (p.kind === 'customer') return sql`false`;
  return sql`true`;
}

export async function partnerById(ex: Exec, id: string): Promise<PartnerRow | undefined> {
  const { rows } = await sql<PartnerRow>`select ${COLS} from partners where id = ${id}`.execute(ex);
  return rows[0];
}

export async function partnerInScope(ex: Exec, p: Principal, id: string): Promise<PartnerRow | undefined> {
  const { rows } =
    await sql<PartnerRow>`select ${COLS} from partners where id = ${id} and ${partnerScope(p)}`.execute(ex);
  return rows[0];
}

export async function partnerByCode(ex: Exec, code: string): Promise<PartnerRow | undefined> {
  const { rows } = await sql<PartnerRow>`select ${COLS} from partners where code = ${code}`.execute(ex);
  return rows[0];
}

export async function listPartners(
  ex: Exec,
  p: Principal,
  f: { after?: string | undefined; limit: number },
): Promise<PartnerRow[]> {
  const { rows } = await sql<PartnerRow>`select ${COLS} from partners
    where ${partnerScope(p)} and (${f.after ?? null}::text is null or id > ${f.after ?? null})
    order by id limit ${f.limit}`.execute(ex);
  return rows;
}

export async function insertPartner(ex: Exec, r: Omit<PartnerRow, 'version'>): Promise<void> {
  await sql`insert into partners (id, code, name_zh, name_en, state, created_at)
    values (${r.id}, ${r.code}, ${r.name_zh}, ${r.name_en}, ${r.state}, ${r.created_at})`.execute(ex);
}

export async function updatePartner(
  ex: Exec,
  id: string,
  version: number,
  r: Pick<PartnerRow, 'name_zh' | 'name_en' | 'state'>,
): Promise<boolean> {
  const res =
    await sql`update partners set name_zh = ${r.name_zh}, name_en = ${r.name_en}, state = ${r.state},
      version = version + 1 where id = ${id} and version = ${version}`.execute(ex);
  return (res.numAffectedRows ?? 0n) > 0n;
}
