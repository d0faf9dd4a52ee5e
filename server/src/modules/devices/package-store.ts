import type { Currency, PackageKind, PackageLevel, PricingMethod } from '@kaidan/shared';
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

// The only SQL of the package taxonomy (套餐大类, 套餐小类, 套餐). Versioned rows change through
// `where id = … and version = …`; false means someone else got there first. Deletes are conditional on
// nothing using the row, so a check and a concurrent binding can never both win.

export interface ClassRow {
  id: string;
  level: PackageLevel;
  code: string;
  name_zh: string;
  name_en: string | null;
  type: PackageKind;
  parent_id: string | null;
  created_at: Date;
  version: number;
}
const CLASS_COLS = sql`id, level, code, name_zh, name_en, type, parent_id, created_at, version`;

export interface ClassFilter {
  level?: PackageLevel | undefined;
  type?: PackageKind | undefined;
  parentId?: string | undefined;
  q?: string | undefined;
}

export async function listClasses(ex: Exec, f: ClassFilter): Promise<ClassRow[]> {
  const conds = [sql`true`];
  if (f.level) conds.push(sql`level = ${f.level}`);
  if (f.type) conds.push(sql`type = ${f.type}`);
  if (f.parentId) conds.push(sql`parent_id = ${f.parentId}`);
  conds.push(...textMatch(f.q, [sql`code`, sql`name_zh`, sql`coalesce(name_en, '')`]));
  const { rows } = await sql<ClassRow>`select ${CLASS_COLS} from package_classes
    where ${sql.join(conds, sql` and `)} order by level, code limit 1000`.execute(ex);
  return rows;
}

export async function classById(ex: Exec, id: string): Promise<ClassRow | undefined> {
  const { rows } = await sql<ClassRow>`select ${CLASS_COLS} from package_classes where id = ${id}`.execute(
    ex,
  );
  return rows[0];
}

export async function classCodeTaken(ex: Exec, level: PackageLevel, code: string): Promise<boolean> {
  const { rows } = await sql`select 1 from package_classes where level = ${level} and code = ${code}`.execute(
    ex,
  );
  return rows.length > 0;
}

export async function insertClass(ex: Exec, r: Omit<ClassRow, 'version'>): Promise<void> {
  await sql`insert into package_classes (id, level, code, name_zh, name_en, type, parent_id, created_at)
    values (${r.id}, ${r.level}, ${r.code}, ${r.name_zh}, ${r.name_en}, ${r.type}, ${r.parent_id},
      ${r.created_at})`.execute(ex);
}

export async function updateClass(
  ex: Exec,
  id: string,
  version: number,
  f: { name_zh: string; name_en: string | null },
): Promise<boolean> {
  const r = await sql`update package_classes set name_zh = ${f.name_zh}, name_en = ${f.name_en},
      version = version + 1 where id = ${id} and version = ${version}`.execute(ex);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** What keeps a class from being deleted: its subcategories and the packages filed under it. */
export async function classUsage(ex: Exec, id: string): Promise<{ children: number; packages: number }> {
  const { rows } = await sql<{ children: number; packages: number }>`select
      (select count(*)::int from package_classes where parent_id = ${id}) as children,
      (select count(*)::int from device_packages where category_id = ${id} or subcategory_id = ${id}) as packages
    `.execute(ex);
  return rows[0] ?? { children: 0, packages: 0 };
}

export async function deleteUnusedClass(ex: Exec, id: string, version: number): Promise<boolean> {
  const r = await sql`delete from package_classes c where c.id = ${id} and c.version = ${version}
    and not exists (select 1 from package_classes ch where ch.parent_id = c.id)
    and not exists (select 1 from device_packages p where p.category_id = c.id or p.subcategory_id = c.id)`.execute(
    ex,
  );
  return Number(r.numAffectedRows ?? 0) === 1;
}

export interface PackageRow {
  id: string;
  code: string;
  name_zh: string;
  name_en: string | null;
  kind: PackageKind;
  category_id: string;
  subcategory_id: string;
  amount: bigint;
  pricing_method: PricingMethod;
  currency: Currency;
  created_at: Date;
  version: number;
}
export interface PackageDetailRow extends PackageRow {
  category_name: string;
  subcategory_name: string;
  bound_devices: number;
}
const PKG_COLS = sql`p.id, p.code, p.name_zh, p.name_en, p.kind, p.category_id, p.subcategory_id, p.amount,
  p.pricing_method, p.currency, p.created_at, p.version`;
// Bound counts both ways a device holds a package (R18): as its renewal package or on top of it.
const PKG_DETAIL = sql`${PKG_COLS}, cat.name_zh as category_name, sub.name_zh as subcategory_name,
  ((select count(*) from devices d where d.renewal_package_id = p.id)
    + (select count(*) from device_value_added v where v.package_id = p.id))::int as bound_devices`;
const PKG_FROM = sql`device_packages p join package_classes cat on cat.id = p.category_id
  join package_classes sub on sub.id = p.subcategory_id`;

export type PackageSort = SortParam<'code' | 'name' | 'amount' | 'created'>;
const PKG_SORT: Sortable<'code' | 'name' | 'amount' | 'created'> = {
  code: { expr: sql`p.code`, type: 'text' },
  name: { expr: sql`left(p.name_zh, 100)`, type: 'text' },
  amount: { expr: sql`p.amount`, type: 'int8' },
  created: { expr: sql`p.created_at`, type: 'timestamptz' },
};
const PKG_ID = { expr: sql`p.id`, type: 'text' } as const;

export interface PackageFilter {
  q?: string | undefined;
  kind?: PackageKind | undefined;
  categoryId?: string | undefined;
  subcategoryId?: string | undefined;
  currency?: Currency | undefined;
  pricingMethod?: PricingMethod | undefined;
  from?: string | undefined;
  to?: string | undefined;
  sort?: PackageSort | undefined;
  after?: string | undefined;
  limit: number;
}
export type PackageListRow = PackageDetailRow & KeyedRow;

export async function listPackages(ex: Exec, f: PackageFilter): Promise<PackageListRow[]> {
  const page = keyset('device_packages', PKG_SORT, PKG_ID, f.sort ?? 'code', f.after);
  const conds = [page.where];
  if (f.kind) conds.push(sql`p.kind = ${f.kind}`);
  if (f.categoryId) conds.push(sql`p.category_id = ${f.categoryId}`);
  if (f.subcategoryId) conds.push(sql`p.subcategory_id = ${f.subcategoryId}`);
  if (f.currency) conds.push(sql`p.currency = ${f.currency}`);
  if (f.pricingMethod) conds.push(sql`p.pricing_method = ${f.pricingMethod}`);
  conds.push(...onBusinessDates(sql`p.created_at`, f.from, f.to));
  conds.push(...textMatch(f.q, [sql`p.code`, sql`p.name_zh`, sql`coalesce(p.name_en, '')`]));
  const { rows } = await sql<PackageListRow>`select ${PKG_DETAIL}, ${page.select} from ${PKG_FROM}
    where ${sql.join(conds, sql` and `)} order by ${page.orderBy} limit ${f.limit}`.execute(ex);
  return rows;
}

export async function packageDetail(ex: Exec, id: string): Promise<PackageDetailRow | undefined> {
  const { rows } =
    await sql<PackageDetailRow>`select ${PKG_DETAIL} from ${PKG_FROM} where p.id = ${id}`.execute(ex);
  return rows[0];
}

/** Locked against a concurrent delete while a binding names it (KEY SHARE: the FK's own lock). */
export async function packageForBinding(ex: Exec, id: string): Promise<PackageRow | undefined> {
  const { rows } = await sql<PackageRow>`select ${PKG_COLS} from device_packages p where p.id = ${id}
    for key share`.execute(ex);
  return rows[0];
}

export async function packagesForBinding(ex: Exec, ids: string[]): Promise<PackageRow[]> {
  const { rows } = await sql<PackageRow>`select ${PKG_COLS} from device_packages p
    where p.id = any(${ids}::text[]) for key share`.execute(ex);
  return rows;
}

export async function packageCodeTaken(ex: Exec, code: string): Promise<boolean> {
  const { rows } = await sql`select 1 from device_packages where code = ${code}`.execute(ex);
  return rows.length > 0;
}

export type PackageFields = Omit<PackageRow, 'id' | 'created_at' | 'version'>;

export async function insertPackage(ex: Exec, id: string, at: Date, f: PackageFields): Promise<void> {
  await sql`insert into device_packages (id, code, name_zh, name_en, kind, category_id, subcategory_id, amount,
      pricing_method, currency, created_at)
    values (${id}, ${f.code}, ${f.name_zh}, ${f.name_en}, ${f.kind}, ${f.category_id}, ${f.subcategory_id},
      ${f.amount}, ${f.pricing_method}, ${f.currency}, ${at})`.execute(ex);
}

export async function updatePackageRow(
  ex: Exec,
  id: string,
  version: number,
  f: PackageFields,
): Promise<boolean> {
  const r = await sql`update device_packages set name_zh = ${f.name_zh}, name_en = ${f.name_en},
      category_id = ${f.category_id}, subcategory_id = ${f.subcategory_id}, amount = ${f.amount},
      currency = ${f.currency}, version = version + 1
    where id = ${id} and version = ${version}`.execute(ex);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Deletes only while no device holds the package: the check and the delete are one statement. */
export async function deleteUnboundPackage(ex: Exec, id: string, version: number): Promise<boolean> {
  const r = await sql`delete from device_packages p where p.id = ${id} and p.version = ${version}
    and not exists (select 1 from devices d where d.renewal_package_id = p.id)
    and not exists (select 1 from device_value_added v where v.package_id = p.id)`.execute(ex);
  return Number(r.numAffectedRows ?? 0) === 1;
}

/** Renewal orders awaiting payment that sell the package (R20): it stays until they are paid or expire. */
export async function openOrdersSelling(ex: Exec, packageId: string, now: Date): Promise<number> {
  const { rows } = await sql<{ n: number }>`select count(distinct i.order_id)::int as n
    from device_order_items i join device_orders o on o.id = i.order_id
    where i.package_id = ${packageId} and i.open and o.payment_due_at > ${now}`.execute(ex);
  return rows[0]?.n ?? 0;
}
