import { type Currency, formatAmount } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, notFound, refuseIfAny, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { MANAGE_PACKAGES, PACKAGE } from './device';
import { packageFieldsOf } from './package-fields';
import { packageDetail, updatePackageRow } from './package-store';

export interface PackageUpdateInput {
  id: string;
  version: number;
  nameZh?: string | undefined;
  nameEn?: string | null | undefined;
  categoryId?: string | undefined;
  subcategoryId?: string | undefined;
  amount?: string | undefined;
  currency?: Currency | undefined;
}

/**
 * Code, kind and pricing method stay: bindings and (later) orders refer to them. A new amount applies to
 * renewals priced after it; nothing already ordered is repriced.
 */
export async function updatePackage(deps: Deps, p: Principal, input: PackageUpdateInput): Promise<void> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐', en: 'maintain packages' });
  return transact(deps.database.db, async (tx) => {
    const row = await packageDetail(tx, input.id);
    if (!row) throw notFound(PACKAGE);
    const currency = input.currency ?? row.currency;
    const out: FieldError[] = [];
    const f = await packageFieldsOf(
      tx,
      {
        code: row.code,
        nameZh: input.nameZh ?? row.name_zh,
        nameEn: input.nameEn !== undefined ? input.nameEn : row.name_en,
        kind: row.kind,
        categoryId: input.categoryId ?? row.category_id,
        subcategoryId: input.subcategoryId ?? row.subcategory_id,
        amount: input.amount ?? formatAmount(row.amount, currency),
        pricingMethod: row.pricing_method,
        currency,
      },
      out,
    );
    refuseIfAny(out);
    if (!(await updatePackageRow(tx, row.id, input.version, f))) throw versionConflict(PACKAGE, row.version);
    const view = (x: typeof f) => ({ ...x, amount: x.amount.toString() });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device_package',
      objectId: row.id,
      action: 'update',
      before: view({ ...row }),
      after: view(f),
    });
  });
}
