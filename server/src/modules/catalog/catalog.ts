import { Temporal } from 'temporal-polyfill';
import { type FieldError, fieldError, refuseIfAny, type Text, versionConflict } from '../../platform/errors';

export { fieldError, refuseIfAny, versionConflict };

import { SALES_CHANNELS } from '@kaidan/shared';
import type { OrderType, PlanRow, ProductRow, SalesChannel } from './order-catalog-store';

// The catalog's own rules, pure: what a product, a plan, a price list, a bundle and a review policy set
// must satisfy before they are written. Each check returns every problem at once, as field errors.

export const CHANNELS: readonly SalesChannel[] = SALES_CHANNELS;
export const WRITE_ROLES = ['admin'] as const;

export const clean = (v: string | null | undefined): string | null => v?.trim() || null;

const CODE = /^[a-z0-9][a-z0-9-]{0,63}$/;
function checkCode(code: string, out: FieldError[]): void {
  if (!CODE.test(code))
    out.push(
      fieldError(
        'code',
        'code_invalid',
        `编码「${code}」只能用小写字母、数字和连字符`,
        `Code "${code}" may only use lowercase letters, digits and dashes`,
      ),
    );
}

export type ProductFields = Pick<ProductRow, 'code' | 'name_zh' | 'name_en' | 'channels' | 'state'> & {
  category: string | null;
  subcategory: string | null;
};

export function checkProduct(f: ProductFields): FieldError[] {
  const out: FieldError[] = [];
  checkCode(f.code, out);
  if (!f.name_zh) out.push(fieldError('nameZh', 'required', '中文名称必填', 'The Chinese name is required'));
  if (f.channels.length === 0)
    out.push(
      fieldError(
        'channels',
        'channels_empty',
        '至少选择一个销售渠道；停售请改状态',
        'Choose at least one channel; to stop selling, retire the product',
      ),
    );
  if (new Set(f.channels).size !== f.channels.length)
    out.push(fieldError('channels', 'duplicate', '销售渠道重复', 'A channel is listed twice'));
  if (f.subcategory && !f.category)
    out.push(fieldError('category', 'required', '填写小类前须先填大类', 'A subcategory needs a category'));
  return out;
}

export type PlanFields = Omit<PlanRow, 'id' | 'product_id'>;

function checkDate(field: string, v: string | null, out: FieldError[]): void {
  if (v === null) return;
  try {
    if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
      Temporal.PlainDate.from(v, { overflow: 'reject' });
      return;
    }
  } catch {}
  out.push(
    fieldError(
      field,
      'date_invalid',
      `日期无效：${v}（格式 YYYY-MM-DD）`,
      `Not a date: ${v} (use YYYY-MM-DD)`,
    ),
  );
}

export function checkPlan(f: PlanFields): FieldError[] {
  const out: FieldError[] = [];
  checkCode(f.code, out);
  if (!f.name_zh) out.push(fieldError('nameZh', 'required', '中文名称必填', 'The Chinese name is required'));
  if (!Number.isInteger(f.seat_min) || f.seat_min < 1)
    out.push(
      fieldError(
        'seatMin',
        'seat_min_invalid',
        '最少席位须为不小于 1 的整数',
        'The minimum seats must be a whole number ≥ 1',
      ),
    );
  if (f.seat_max !== null && f.seat_max < f.seat_min)
    out.push(
      fieldError(
        'seatMax',
        'seat_max_below_min',
        '最多席位不能小于最少席位',
        'The maximum seats cannot be below the minimum',
      ),
    );
  checkDate('validFrom', f.valid_from, out);
  checkDate('validTo', f.valid_to, out);
  if (out.every((e) => e.code !== 'date_invalid') && f.valid_from && f.valid_to && f.valid_to < f.valid_from)
    out.push(
      fieldError('validTo', 'window_inverted', '停售日期早于开售日期', 'The window ends before it starts'),
    );
  if (f.kind === 'pass_through' && !f.pass_through)
    out.push(
      fieldError(
        'passThrough',
        'pass_through_kind',
        '代收费用套餐必须标记为代收',
        "A 'pass_through' plan must be flagged pass-through",
      ),
    );
  // R32: a fee passed on at cost is never refunded; the table's CHECK says the same.
  if (f.pass_through && f.refundable)
    out.push(
      fieldError(
        'refundable',
        'pass_through_refundable',
        '代收费用（如互通费）不可退款',
        'A pass-through fee (such as the interop licence) cannot be refundable',
      ),
    );
  return out;
}

export interface BundleItemInput {
  planId: string;
  seatsPerBundle: number;
}

/** A bundle holds plans of its own product, each once, none of them a bundle. */
export function checkBundleItems(
  bundle: Pick<PlanRow, 'id' | 'product_id'>,
  items: BundleItemInput[],
  found: Map<string, Pick<PlanRow, 'product_id' | 'kind'>>,
): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  items.forEach((it, i) => {
    const at = `items.${i}`;
    const plan = found.get(it.planId);
    if (!plan)
      out.push(
        fieldError(`${at}.planId`, 'no_such_plan', `套餐不存在：${it.planId}`, `No such plan: ${it.planId}`),
      );
    else if (plan.product_id !== bundle.product_id)
      out.push(
        fieldError(
          `${at}.planId`,
          'plan_not_in_product',
          '组合只能包含本产品的套餐',
          "A bundle holds only its own product's plans",
        ),
      );
    else if (plan.kind === 'bundle' || it.planId === bundle.id)
      out.push(
        fieldError(`${at}.planId`, 'nested_bundle', '组合不能包含组合', 'A bundle cannot contain a bundle'),
      );
    if (seen.has(it.planId))
      out.push(fieldError(`${at}.planId`, 'duplicate', '套餐重复', 'The plan is listed twice'));
    seen.add(it.planId);
    if (!Number.isInteger(it.seatsPerBundle) || it.seatsPerBundle < 1)
      out.push(
        fieldError(
          `${at}.seatsPerBundle`,
          'seats_invalid',
          '每份席位须为不小于 1 的整数',
          'Seats per bundle must be a whole number ≥ 1',
        ),
      );
  });
  return out;
}

export interface PolicyInput {
  orderType: OrderType;
  channel: SalesChannel;
  mode: 'auto' | 'manual';
}

export function checkPolicies(policies: PolicyInput[]): FieldError[] {
  const out: FieldError[] = [];
  const seen = new Set<string>();
  policies.forEach((p, i) => {
    const key = `${p.orderType}/${p.channel}`;
    if (seen.has(key))
      out.push(fieldError(`policies.${i}`, 'duplicate', `${key} 重复`, `${key} is listed twice`));
    seen.add(key);
    // R3: customers' self-service orders are approved automatically; a manual row would never apply.
    if (p.channel === 'self_service' && p.mode === 'manual')
      out.push(
        fieldError(
          `policies.${i}.mode`,
          'self_service_always_auto',
          '客户自助订单总是自动通过',
          "Customers' self-service orders are always approved automatically",
        ),
      );
  });
  return out;
}

export const PRODUCT: Text = { zh: '产品', en: 'product' };
export const PLAN: Text = { zh: '套餐', en: 'plan' };
