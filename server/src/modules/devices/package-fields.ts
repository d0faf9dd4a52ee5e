import type { Currency, PackageKind, PricingMethod } from '@kaidan/shared';
import type { Exec } from '../../platform/db/database';
import { type FieldError, fieldError } from '../../platform/errors';
import { amountOf, checkKind, checkName, clean } from './device';
import { classById, type PackageFields } from './package-store';

export interface PackageFieldsInput {
  code: string;
  nameZh: string;
  nameEn: string | null;
  kind?: PackageKind | undefined;
  categoryId: string;
  subcategoryId: string;
  amount: string;
  pricingMethod: PricingMethod;
  currency: Currency;
}

/**
 * What a package must satisfy on create and edit (seed 003 套餐管理): a category and one of its
 * subcategories, an amount per device-month ≥ 0 in the currency's minor units. Its kind is the category's
 * type — the server derives it, and a client that sends another value is told the right one.
 */
export async function packageFieldsOf(
  ex: Exec,
  input: PackageFieldsInput,
  out: FieldError[],
): Promise<PackageFields> {
  const name = clean(input.nameZh);
  checkName(name, out);
  const cat = await classById(ex, input.categoryId);
  const sub = await classById(ex, input.subcategoryId);
  if (cat?.level !== 'category')
    out.push(fieldError('categoryId', 'not_found', '套餐大类不存在', 'No such package category'));
  if (sub?.level !== 'subcategory' || (cat && sub.parent_id !== cat.id))
    out.push(
      fieldError(
        'subcategoryId',
        'not_in_category',
        '套餐小类不存在或不属于所选大类',
        'No such subcategory under the chosen category',
      ),
    );
  const kind = cat?.type ?? input.kind ?? 'renewal';
  checkKind(input.kind, kind, out);
  return {
    code: input.code.trim(),
    name_zh: name ?? '',
    name_en: clean(input.nameEn),
    kind,
    category_id: input.categoryId,
    subcategory_id: input.subcategoryId,
    amount: amountOf(input.amount, input.currency, out),
    pricing_method: input.pricingMethod,
    currency: input.currency,
  };
}
