import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import {
  checkProduct,
  clean,
  PRODUCT,
  type ProductFields,
  refuseIfAny,
  versionConflict,
  WRITE_ROLES,
} from './catalog';
import { productDetail, updateProduct as updateProductRow } from './catalog-store';
import type { ProductRow, SalesChannel } from './order-catalog-store';

export interface ProductUpdateInput {
  id: string;
  version: number;
  nameZh?: string | undefined;
  nameEn?: string | null | undefined;
  category?: string | null | undefined;
  subcategory?: string | null | undefined;
  channels?: SalesChannel[] | undefined;
  state?: ProductRow['state'] | undefined;
}

/** Code and kind stay fixed: orders and entitlements already refer to them. */
export async function updateProduct(deps: Deps, p: Principal, input: ProductUpdateInput): Promise<void> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  await transact(deps.database.db, async (tx) => {
    const row = await productDetail(tx, input.id);
    if (!row) throw notFound({ zh: '产品', en: 'Product' });
    const before: ProductFields = {
      code: row.code,
      name_zh: row.name_zh,
      name_en: row.name_en,
      category: row.category,
      subcategory: row.subcategory,
      channels: row.channels,
      state: row.state,
    };
    const after: ProductFields = {
      ...before,
      ...(input.nameZh !== undefined ? { name_zh: clean(input.nameZh) ?? '' } : {}),
      ...(input.nameEn !== undefined ? { name_en: clean(input.nameEn) } : {}),
      ...(input.category !== undefined ? { category: clean(input.category) } : {}),
      ...(input.subcategory !== undefined ? { subcategory: clean(input.subcategory) } : {}),
      ...(input.channels !== undefined ? { channels: input.channels } : {}),
      ...(input.state !== undefined ? { state: input.state } : {}),
    };
    refuseIfAny(checkProduct(after));
    if (!(await updateProductRow(tx, input.id, input.version, after)))
      throw versionConflict(PRODUCT, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'product',
      objectId: input.id,
      action: 'update',
      stateBefore: before.state,
      stateAfter: after.state,
      before,
      after,
    });
  });
}
