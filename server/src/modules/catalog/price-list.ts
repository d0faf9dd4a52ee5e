import { type Currency, parseAmount } from '@kaidan/shared';
import type { FieldError } from '../../platform/errors';
import { fieldError } from './catalog';
import type { PlanRow } from './order-catalog-store';

// A plan's price list: one unit amount per currency and seat tier, the tier with the greatest
// min_seats ≤ the ordered seats applying. Amounts arrive as decimal strings, never floats.

export interface PriceInput {
  currency: Currency;
  minSeats: number;
  amount: string;
}
export interface PriceRow {
  plan_id: string;
  currency: Currency;
  min_seats: number;
  unit_amount: bigint;
}

/** The price list of a plan: amounts parsed as decimal strings, tiers reachable, and no seat count unpriced. */
export function parsePrices(
  plan: Pick<PlanRow, 'id' | 'seat_min' | 'seat_max'>,
  prices: PriceInput[],
): { rows: PriceRow[]; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const rows: PriceRow[] = [];
  const seen = new Set<string>();
  prices.forEach((p, i) => {
    const at = `prices.${i}`;
    const amount = parseAmount(p.amount, p.currency);
    if (amount === null)
      errors.push(
        fieldError(
          `${at}.amount`,
          'amount_invalid',
          `金额无效：「${p.amount}」（如 365.00，最多两位小数）`,
          `Not an amount: "${p.amount}" (such as 365.00, at most 2 decimals)`,
        ),
      );
    else if (amount < 0n)
      errors.push(
        fieldError(`${at}.amount`, 'amount_negative', '金额不能为负', 'The amount cannot be negative'),
      );
    if (!Number.isInteger(p.minSeats) || p.minSeats < 1)
      errors.push(
        fieldError(
          `${at}.minSeats`,
          'min_seats_invalid',
          '起始席位须为不小于 1 的整数',
          'The tier start must be a whole number ≥ 1',
        ),
      );
    else if (plan.seat_max !== null && p.minSeats > plan.seat_max)
      errors.push(
        fieldError(
          `${at}.minSeats`,
          'tier_unreachable',
          `起始席位超过套餐上限 ${plan.seat_max}`,
          `The tier starts above the plan's maximum of ${plan.seat_max} seats`,
        ),
      );
    const key = `${p.currency}/${p.minSeats}`;
    if (seen.has(key))
      errors.push(
        fieldError(
          `${at}.minSeats`,
          'tier_duplicate',
          `${p.currency} 已有从 ${p.minSeats} 席起的价格`,
          `${p.currency} already has a tier from ${p.minSeats} seats`,
        ),
      );
    seen.add(key);
    if (amount !== null)
      rows.push({ plan_id: plan.id, currency: p.currency, min_seats: p.minSeats, unit_amount: amount });
  });
  errors.push(...tierGaps(plan, rows));
  return { rows, errors };
}

/** Orders of seat_min seats must find a tier, so each currency's lowest tier starts at or below it. */
export function tierGaps(
  plan: Pick<PlanRow, 'seat_min'>,
  rows: Pick<PriceRow, 'currency' | 'min_seats'>[],
): FieldError[] {
  const lowest = new Map<Currency, number>();
  for (const r of rows) lowest.set(r.currency, Math.min(lowest.get(r.currency) ?? r.min_seats, r.min_seats));
  return [...lowest]
    .filter(([, min]) => min > plan.seat_min)
    .map(([currency, min]) =>
      fieldError(
        'prices',
        'tier_gap',
        `${currency} 最低档从 ${min} 席起，${plan.seat_min} 席的订单将无价格；请补充从 ${plan.seat_min} 席起的档位`,
        `The lowest ${currency} tier starts at ${min} seats, so an order of ${plan.seat_min} seats has no price; add a tier from ${plan.seat_min}`,
      ),
    );
}
