import type { Currency } from '@kaidan/shared';
import type { Exec } from '../../platform/db/database';
import { AppError, notFound } from '../../platform/errors';
import {
  catalogForOrder,
  type OrderType,
  type PlanRow,
  type ProductRow,
  plansByIds,
  policyMode,
  productById,
  productWithPolicy,
  type SalesChannel,
  tierPrice,
  tierPrices,
} from './order-catalog-store';

// What the orders module asks of the catalog: the product, its plans, the tier price and the review mode.
export async function loadProduct(ex: Exec, productId: string): Promise<ProductRow> {
  const p = await productById(ex, productId);
  if (!p) throw notFound({ zh: '产品', en: 'Product' });
  return p;
}

/** R8: a plan of another product (or no plan at all) is refused line by line, with its reason. */
export async function loadPlans(ex: Exec, productId: string, planIds: string[]): Promise<PlanRow[]> {
  return plansOfProduct(productId, planIds, await plansByIds(ex, planIds));
}

function plansOfProduct(productId: string, planIds: string[], plans: PlanRow[]): PlanRow[] {
  const byId = new Map(plans.map((p) => [p.id, p]));
  const fields = planIds.flatMap((id, i) => {
    const plan = byId.get(id);
    if (plan && plan.product_id === productId) return [];
    const message = plan
      ? {
          zh: `套餐「${plan.name_zh}」不属于该产品`,
          en: `Plan "${plan.name_en ?? plan.name_zh}" belongs to another product`,
        }
      : { zh: '套餐不存在', en: 'No such plan' };
    return [{ field: `lines.${i}.planId`, code: plan ? 'plan_not_in_product' : 'no_such_plan', message }];
  });
  if (fields.length > 0) {
    throw new AppError({
      status: 422,
      code: 'PLAN_NOT_IN_PRODUCT',
      message: { zh: '订单行的套餐与产品不符', en: 'A line’s plan does not belong to the order’s product' },
      fields,
      fixes: [{ zh: '选择该产品下的套餐', en: 'Choose a plan of this product' }],
    });
  }
  return planIds.map((id) => byId.get(id) as PlanRow);
}

/** The product an order names, with the review mode its type and channel get (R3). */
export async function loadProductForOrder(
  ex: Exec,
  productId: string,
  orderType: OrderType,
  channel: SalesChannel,
): Promise<{ product: ProductRow; mode: 'auto' | 'manual' }> {
  const row = await productWithPolicy(ex, productId, orderType, channel);
  if (!row) throw notFound({ zh: '产品', en: 'Product' });
  const { mode, ...product } = row;
  return { product, mode: channel === 'self_service' ? 'auto' : (mode ?? 'manual') };
}

/**
 * The catalog side of an order in one read (issue #11): the product and its review mode (R3, as
 * loadProductForOrder), its plans checked line by line (R8, as loadPlans), and a price lookup over the
 * tiers read with them (as unitPrices).
 */
export async function loadCatalogForOrder(
  ex: Exec,
  q: {
    productId: string;
    orderType: OrderType;
    channel: SalesChannel;
    planIds: string[];
    currency: Currency;
  },
): Promise<{
  product: ProductRow;
  mode: 'auto' | 'manual';
  /** the lines' plans in line order; refuses (R8) a plan of another product or none */
  plans: () => PlanRow[];
  unitPrices: (items: { planId: string; seats: number }[]) => bigint[];
}> {
  const row = await catalogForOrder(ex, q.productId, q.orderType, q.channel, q.planIds, q.currency);
  if (!row) throw notFound({ zh: '产品', en: 'Product' });
  const { mode, plans, tiers, ...product } = row;
  return {
    product,
    mode: q.channel === 'self_service' ? 'auto' : (mode ?? 'manual'),
    plans: () => plansOfProduct(q.productId, q.planIds, plans),
    // The tier is the row with the greatest min_seats ≤ seats, as tierPrices chooses it in SQL.
    unitPrices: (items) =>
      items.map((it) => {
        const tier = tiers
          .filter((t) => t.plan_id === it.planId && t.min_seats <= it.seats)
          .sort((a, b) => b.min_seats - a.min_seats)[0];
        return tier?.unit_amount ?? noPrice(it.planId, q.currency);
      }),
  };
}

/** Unit prices of several lines at once (their tier chosen by the seats each will have). */
export async function unitPrices(
  ex: Exec,
  currency: Currency,
  items: { planId: string; seats: number }[],
): Promise<bigint[]> {
  const prices = await tierPrices(ex, currency, items);
  return prices.map((price, i) => price ?? noPrice(items[i]?.planId ?? '', currency));
}

function noPrice(planId: string, currency: Currency): never {
  throw new AppError({
    status: 422,
    code: 'NO_PRICE',
    message: { zh: `套餐 ${planId} 没有 ${currency} 价格`, en: `Plan ${planId} has no ${currency} price` },
    fields: [
      {
        field: 'currency',
        code: 'no_price',
        message: { zh: `无 ${currency} 价格`, en: `No ${currency} price` },
      },
    ],
    fixes: [
      {
        zh: '换用有价格的币种，或请管理员补充价格',
        en: 'Use a currency the plan is priced in, or ask an admin to add the price',
      },
    ],
    details: { planId, currency },
  });
}

export async function unitPrice(
  ex: Exec,
  planId: string,
  currency: Currency,
  seats: number,
): Promise<bigint> {
  const price = await tierPrice(ex, planId, currency, seats);
  return price ?? noPrice(planId, currency);
}

/** R3: missing policy = manual review; customers' self-service orders are always approved at once. */
export async function reviewMode(
  ex: Exec,
  productId: string,
  orderType: OrderType,
  channel: SalesChannel,
): Promise<'auto' | 'manual'> {
  if (channel === 'self_service') return 'auto';
  return (await policyMode(ex, productId, orderType, channel)) ?? 'manual';
}

/** R8: the validity window, inclusive; dates are 'YYYY-MM-DD' so string order is date order. */
export function planOnSale(plan: Pick<PlanRow, 'valid_from' | 'valid_to'>, date: string): boolean {
  return (!plan.valid_from || plan.valid_from <= date) && (!plan.valid_to || date <= plan.valid_to);
}

/** R24: a product restricted to some channels refuses the others. */
export function checkChannel(product: ProductRow, channel: SalesChannel): void {
  if (product.state !== 'active') {
    throw new AppError({
      status: 422,
      code: 'PRODUCT_RETIRED',
      message: {
        zh: `「${product.name_zh}」已停售`,
        en: `"${product.name_en ?? product.name_zh}" is no longer sold`,
      },
      fields: [
        { field: 'productId', code: 'product_retired', message: { zh: '产品已停售', en: 'Product retired' } },
      ],
    });
  }
  if (product.channels.includes(channel)) return;
  throw new AppError({
    status: 422,
    code: 'CHANNEL_NOT_ALLOWED',
    message: {
      zh: `「${product.name_zh}」不可通过该渠道购买（允许：${product.channels.join('、')}）`,
      en: `"${product.name_en ?? product.name_zh}" cannot be bought through ${channel} (allowed: ${product.channels.join(', ')})`,
    },
    fields: [
      {
        field: 'productId',
        code: 'channel_not_allowed',
        message: { zh: `仅限：${product.channels.join('、')}`, en: `Only: ${product.channels.join(', ')}` },
      },
    ],
    fixes: [{ zh: '通过允许的渠道下单', en: 'Order through one of the allowed channels' }],
    details: { allowed: product.channels, channel },
  });
}
