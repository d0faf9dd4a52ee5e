import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { CHANNELS, checkProduct, clean, type ProductFields, refuseIfAny, WRITE_ROLES } from './catalog';
import { insertProduct, productCodeTaken } from './catalog-store';
import type { ProductRow, SalesChannel } from './order-catalog-store';

export interface ProductCreateInput {
  code: string;
  nameZh: string;
  nameEn?: string | null | undefined;
  kind: ProductRow['kind'];
  category?: string | null | undefined;
  subcategory?: string | null | undefined;
  channels?: SalesChannel[] | undefined;
}

/** Also the seed's way in: call with systemPrincipal('cli'). */
export async function createProduct(deps: Deps, p: Principal, input: ProductCreateInput): Promise<string> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  const fields: ProductFields = {
    code: input.code.trim(),
    name_zh: clean(input.nameZh) ?? '',
    name_en: clean(input.nameEn),
    category: clean(input.category),
    subcategory: clean(input.subcategory),
    channels: input.channels ?? [...CHANNELS],
    state: 'active',
  };
  refuseIfAny(checkProduct(fields));
  return transact(deps.database.db, async (tx) => {
    if (await productCodeTaken(tx, fields.code))
      throw new AppError({
        status: 409,
        code: 'PRODUCT_CODE_TAKEN',
        message: { zh: `产品编码「${fields.code}」已被使用`, en: `Product code "${fields.code}" is taken` },
        fields: [{ field: 'code', code: 'taken', message: { zh: '编码已被使用', en: 'Code taken' } }],
        fixes: [
          { zh: '换一个编码，或修改已有产品', en: 'Pick another code, or change the existing product' },
        ],
      });
    const at = deps.clock.now();
    const id = newId('prd', at.epochMilliseconds);
    await insertProduct(tx, { ...fields, id, kind: input.kind, created_at: toDate(at) });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'product',
      objectId: id,
      action: 'create',
      stateAfter: 'active',
      after: { ...fields, kind: input.kind },
    });
    return id;
  });
}
