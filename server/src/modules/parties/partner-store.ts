import { sql } from 'kysely';
import type { Exec } from '../../platform/db/database';
import {
  type KeyedRow,
  keyset,
  onBusinessDates,
  type Sortable,
  type SortParam,
  textMatch,
} from '../../platform/keyset';
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

export type PartnerSort = SortParam<'code' | 'name' | 'created'>;
// Names are clipped so the cursor carrying the key stays short (see company-store.ts).
const PARTNER_SORT: Sortable<'code' | 'name' | 'created'> = {
  code: { expr: sql`code`, type: 'text' },
  name: { expr: sql`left(name_zh, 100)`, type: 'text' },
  created: { expr: sql`created_at`, type: 'timestamptz' },
};
const PARTNER_ID = { expr: sql`id`, type: 'text' } as const;

export interface PartnerFilter {
  /** code, Chinese or English name */
  q?: string | undefined;
  state?: PartnerRow['state'] | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: PartnerSort | undefined;
  after?: string | undefined;
  limit: number;
}

export type PartnerListRow = PartnerRow & KeyedRow;

export async function listPartners(ex: Exec, p: Principal, f: PartnerFilter): Promise<PartnerListRow[]> {
  const page = keyset('partners', PARTNER_SORT, PARTNER_ID, f.sort ?? 'code', f.after);
  const conds = [partnerScope(p), page.where];
  if (f.state) conds.push(sql`state = ${f.state}`);
  conds.push(...onBusinessDates(sql`created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`code`, sql`name_zh`, sql`coalesce(name_en, '')`]));
  const { rows } = await sql<PartnerListRow>`select ${COLS}, ${page.select} from partners
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
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
