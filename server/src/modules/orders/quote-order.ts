import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import { today } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { checkChannel, loadCatalogForOrder, type PlanRow, planOnSale } from '../catalog';
import {
  type ComponentView,
  checkCoterm,
  checkEffectiveDate,
  componentsOf,
  type DurationUnit,
  effectiveDateOf,
  linePrice,
  planLine,
} from '../entitlements';
import { type CompanyRow, findCompanyInScope } from '../parties';
import type { OrderType, SalesChannel } from './order';

export interface OrderInput {
  companyId: string;
  productId: string;
  orderType: OrderType;
  currency?: Currency | undefined;
  effectiveDate?: string | undefined;
  cotermTo?: string | undefined;
  lines: {
    planId: string;
    seats?: number | undefined;
    duration?: { unit: DurationUnit; value: number } | undefined;
  }[];
}

export interface QuoteLine {
  lineNo: number;
  planId: string;
  planName: { zh: string; en: string | null };
  planKind: string;
  seats: number;
  seatsBefore: number | null;
  seatsAfter: number;
  endBefore: string | null;
  durationUnit: DurationUnit | null;
  durationValue: number | null;
  days: number;
  periodStart: string;
  periodEnd: string;
  unitAmount: bigint;
  amount: bigint;
  passThrough: boolean;
  refundable: boolean;
}

export interface Quote {
  channel: SalesChannel;
  partnerId: string | null;
  company: CompanyRow;
  productId: string;
  orderType: OrderType;
  currency: Currency;
  effectiveDate: string;
  cotermTo: string | null;
  /** R15: the end date of the related external (pass-through) licence, when known */
  externalEnd: string | null;
  lines: QuoteLine[];
  total: bigint;
  /** R3: what happens on submission */
  reviewMode: 'auto' | 'manual';
  /** the company's components of the product as read (locked with `lockComponents`) */
  components: ComponentView[];
}

export function channelOf(p: Principal, company: CompanyRow): SalesChannel {
  if (p.kind === 'customer') return 'self_service';
  return company.partner_id ? 'partner' : 'direct';
}

export interface QuoteOptions {
  /** the company, already read (and locked) by the caller in this transaction */
  company?: CompanyRow;
  /** read the components FOR UPDATE, so the grant of an order approved at once can reuse them */
  lockComponents?: boolean;
}

/** R1: the price and service period of every line, computed before anything is written. */
export async function quoteOrder(
  ex: Exec,
  clock: Clock,
  p: Principal,
  input: OrderInput,
  opts: QuoteOptions = {},
): Promise<Quote> {
  const company = opts.company ?? (await findCompanyInScope(ex, p, input.companyId));
  const channel = channelOf(p, company);
  // R28: the currency follows the customer's region; another one (another price list) is refused.
  const currency: Currency = company.region === 'CN' ? 'CNY' : 'USD';
  const planIds = input.lines.map((l) => l.planId);
  const catalog = await loadCatalogForOrder(ex, {
    productId: input.productId,
    orderType: input.orderType,
    channel,
    planIds,
    currency,
  });
  const { product, mode } = catalog;
  checkChannel(product, channel);
  if (input.currency !== undefined && input.currency !== currency) {
    throw new AppError({
      status: 422,
      code: 'CURRENCY_MISMATCH',
      message: {
        zh: `币种随客户所在地区：本客户为 ${currency}，不能为 ${input.currency}`,
        en: `The currency follows the customer's region: ${currency} for this customer, not ${input.currency}`,
      },
      fields: [
        {
          field: 'currency',
          code: 'mismatch',
          message: { zh: `应为 ${currency}`, en: `Must be ${currency}` },
        },
      ],
      fixes: [{ zh: `币种改为 ${currency}，或不填`, en: `Use ${currency}, or leave the currency out` }],
      details: { currency },
    });
  }
  const day = today(clock).toString();
  const dup = planIds.findIndex((id, i) => planIds.indexOf(id) !== i);
  if (dup >= 0) {
    throw new AppError({
      status: 422,
      code: 'DUPLICATE_PLAN',
      message: { zh: '同一订单中套餐不能重复', en: 'A plan appears twice in the order' },
      fields: [
        {
          field: `lines.${dup}.planId`,
          code: 'duplicate',
          message: { zh: '重复的套餐', en: 'Duplicate plan' },
        },
      ],
      fixes: [{ zh: '合并为一行', en: 'Merge them into one line' }],
    });
  }
  const plans = catalog.plans();
  const components = await componentsOf(ex, company.id, product.id, opts.lockComponents === true);
  const byPlan = new Map(components.map((c) => [c.plan_id, c]));
  const externalEnd =
    components
      .flatMap((c) =>
        c.plan_kind === 'pass_through' ? [c.end_date] : c.external_end ? [c.external_end] : [],
      )
      .sort()
      .at(-1) ?? null;
  checkCoterm(input.cotermTo, externalEnd);
  // R14, R16: the server decides the date a price runs from; a client date that disagrees is refused.
  const effectiveDate = effectiveDateOf(
    input.orderType,
    day,
    input.effectiveDate,
    plans.map((pl) => byPlan.get(pl.id)?.end_date),
  );
  checkEffectiveDate(input.effectiveDate, effectiveDate);
  const planned = input.lines.map((l, index) => {
    const plan = plans[index] as PlanRow;
    if (!planOnSale(plan, input.orderType === 'new' ? effectiveDate : day)) {
      throw new AppError({
        status: 422,
        code: 'PLAN_OFF_SALE',
        message: {
          zh: `${plan.name_zh} 当前不在销售期内`,
          en: `${plan.name_en ?? plan.name_zh} is not on sale`,
        },
        fields: [
          { field: `lines.${index}.planId`, code: 'off_sale', message: { zh: '已停售', en: 'Off sale' } },
        ],
      });
    }
    const component = byPlan.get(plan.id);
    const line = planLine({
      index,
      orderType: input.orderType,
      effectiveDate,
      today: day,
      plan,
      component,
      seats: l.seats,
      duration: l.duration,
      cotermTo: input.cotermTo,
    });
    return { l, plan, component, line };
  });
  const units = catalog.unitPrices(planned.map((x) => ({ planId: x.plan.id, seats: x.line.seatsAfter })));
  const lines: QuoteLine[] = planned.map(({ l, plan, component, line }, index) => {
    const unit = units[index] ?? 0n;
    return {
      lineNo: index + 1,
      planId: plan.id,
      planName: { zh: plan.name_zh, en: plan.name_en },
      planKind: plan.kind,
      seats: line.seats,
      seatsBefore: component?.seats ?? null,
      seatsAfter: line.seatsAfter,
      endBefore: component?.end_date ?? null,
      durationUnit: l.duration?.unit ?? null,
      durationValue: l.duration?.value ?? null,
      days: line.period.days,
      periodStart: line.period.start,
      periodEnd: line.period.end,
      unitAmount: unit,
      amount: linePrice(plan.pricing_method, unit, line.seats, line.period.days),
      passThrough: plan.pass_through,
      refundable: plan.refundable,
    };
  });
  return {
    channel,
    partnerId: channel === 'partner' ? company.partner_id : null,
    company,
    productId: product.id,
    orderType: input.orderType,
    currency,
    effectiveDate,
    cotermTo: input.cotermTo ?? null,
    externalEnd,
    lines,
    total: lines.reduce((s, l) => s + l.amount, 0n),
    reviewMode: mode,
    components,
  };
}
