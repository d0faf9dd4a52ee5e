import { mulDivHalfUp } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { AppError } from '../../platform/errors';

// Pure rules for service periods (R14, R15, R16) and their price. Dates are 'YYYY-MM-DD' (inclusive).
export type DurationUnit = 'day' | 'month' | 'year';
export type DurationRule = 'days' | 'calendar';
export type PricingMethod = 'seat_year' | 'seat_day' | 'device_month' | 'unit' | 'flat';

export interface Period {
  start: string;
  end: string;
  days: number;
}

const D = (s: string) => Temporal.PlainDate.from(s);
export const addDays = (date: string, n: number): string => D(date).add({ days: n }).toString();
export const daysBetween = (start: string, end: string): number =>
  D(start).until(D(end), { largestUnit: 'days' }).days + 1;
export const maxDate = (a: string, b: string): string =>
  Temporal.PlainDate.compare(D(a), D(b)) >= 0 ? a : b;
export const isBefore = (a: string, b: string): boolean => Temporal.PlainDate.compare(D(a), D(b)) < 0;

/** R14: 1 year = 365 days and 1 month = 30 days unless the plan counts calendar months. */
export function periodFrom(start: string, unit: DurationUnit, value: number, rule: DurationRule): Period {
  if (rule === 'calendar' && unit !== 'day') {
    const end = D(start)
      .add(unit === 'year' ? { years: value } : { months: value })
      .subtract({ days: 1 })
      .toString();
    return { start, end, days: daysBetween(start, end) };
  }
  const days = unit === 'year' ? 365 * value : unit === 'month' ? 30 * value : value;
  return { start, end: addDays(start, days - 1), days };
}

/** R15: co-term — the period ends on the external licence's end date. */
export function periodTo(start: string, end: string): Period {
  if (isBefore(end, start)) {
    throw new AppError({
      status: 422,
      code: 'COTERM_BEFORE_START',
      message: {
        zh: `对齐日期 ${end} 早于服务开始日 ${start}`,
        en: `The co-term date ${end} is before the service start ${start}`,
      },
      fields: [
        {
          field: 'cotermTo',
          code: 'before_start',
          message: { zh: '对齐日期过早', en: 'Co-term date too early' },
        },
      ],
      fixes: [{ zh: `选择 ${start} 或之后的日期`, en: `Choose ${start} or later` }],
    });
  }
  return { start, end, days: daysBetween(start, end) };
}

/** Price of a line: per seat-year is pro rata by day over 365, half-up (R16 uses the same formula). */
export function linePrice(method: PricingMethod, unit: bigint, seats: number, days: number): bigint {
  const s = BigInt(seats);
  const d = BigInt(days);
  switch (method) {
    case 'seat_year':
      return mulDivHalfUp(unit * s, d, 365n);
    case 'seat_day':
      return unit * s * d;
    case 'device_month':
      return mulDivHalfUp(unit * s, d, 30n);
    case 'unit':
      return unit * s;
    case 'flat':
      return unit;
  }
}
