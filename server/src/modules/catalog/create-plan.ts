import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkPlan, clean, type PlanFields, refuseIfAny, WRITE_ROLES } from './catalog';
import { insertPlan, planCodeTaken, productDetail } from './catalog-store';
import type { PlanRow } from './order-catalog-store';

export interface PlanCreateInput {
  productId: string;
  code: string;
  nameZh: string;
  nameEn?: string | null | undefined;
  kind: PlanRow['kind'];
  pricingMethod: PlanRow['pricing_method'];
  durationRule?: PlanRow['duration_rule'] | undefined;
  seatMin?: number | undefined;
  seatMax?: number | null | undefined;
  passThrough?: boolean | undefined;
  refundable?: boolean | undefined;
  validFrom?: string | null | undefined;
  validTo?: string | null | undefined;
}

/** A plan under a product; also the seed's way in with systemPrincipal('cli'). Prices are set separately. */
export async function createPlan(deps: Deps, p: Principal, input: PlanCreateInput): Promise<string> {
  requireRole(p, [...WRITE_ROLES], { zh: '维护产品目录', en: 'change the catalog' });
  const passThrough = input.passThrough ?? input.kind === 'pass_through';
  const fields: PlanFields = {
    code: input.code.trim(),
    name_zh: clean(input.nameZh) ?? '',
    name_en: clean(input.nameEn),
    kind: input.kind,
    pricing_method: input.pricingMethod,
    duration_rule: input.durationRule ?? 'days',
    seat_min: input.seatMin ?? 1,
    seat_max: input.seatMax ?? null,
    pass_through: passThrough,
    refundable: input.refundable ?? !passThrough,
    valid_from: clean(input.validFrom),
    valid_to: clean(input.validTo),
  };
  refuseIfAny(checkPlan(fields));
  return transact(deps.database.db, async (tx) => {
    if (!(await productDetail(tx, input.productId))) throw notFound({ zh: '产品', en: 'Product' });
    if (await planCodeTaken(tx, input.productId, fields.code))
      throw new AppError({
        status: 409,
        code: 'PLAN_CODE_TAKEN',
        message: {
          zh: `该产品已有编码为「${fields.code}」的套餐`,
          en: `The product already has a plan "${fields.code}"`,
        },
        fields: [{ field: 'code', code: 'taken', message: { zh: '编码已被使用', en: 'Code taken' } }],
        fixes: [{ zh: '换一个编码，或修改已有套餐', en: 'Pick another code, or change the existing plan' }],
      });
    const at = deps.clock.now();
    const id = newId('pln', at.epochMilliseconds);
    await insertPlan(tx, { ...fields, id, product_id: input.productId, created_at: toDate(at) });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'plan',
      objectId: id,
      action: 'create',
      after: { ...fields, product_id: input.productId },
    });
    return id;
  });
}
