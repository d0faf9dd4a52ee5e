import type { OrderType } from '@kaidan/shared';
import { AppError } from '../../platform/errors';
import {
  addDays,
  type DurationRule,
  type DurationUnit,
  isBefore,
  maxDate,
  type Period,
  periodFrom,
  periodTo,
} from './entitlement';

export type { OrderType };

export interface LinePlanInput {
  index: number;
  orderType: OrderType;
  effectiveDate: string;
  /** the business date (Asia/Shanghai) the order is placed on */
  today: string;
  plan: {
    id: string;
    name_zh: string;
    name_en: string | null;
    duration_rule: DurationRule;
    seat_min: number;
    seat_max: number | null;
  };
  /** the company's current component for this plan, if any */
  component: { seats: number; end_date: string; external_end: string | null } | undefined;
  seats: number | undefined;
  duration: { unit: DurationUnit; value: number } | undefined;
  cotermTo: string | undefined;
}

export interface LinePlan {
  seats: number;
  period: Period;
  /** seats the component will have once the line is applied */
  seatsAfter: number;
}

const f = (i: number, name: string) => `lines.${i}.${name}`;

function fail(
  status: number,
  code: string,
  field: string,
  zh: string,
  en: string,
  fixes: { zh: string; en: string }[] = [],
): never {
  throw new AppError({
    status,
    code,
    message: { zh, en },
    fields: [{ field, code, message: { zh, en } }],
    fixes,
  });
}

/**
 * What a line does to its component: the seats and service period it buys (R13, R14, R15, R16).
 * Refusals name the reason and the fix the order desk would give.
 */
export function planLine(i: LinePlanInput): LinePlan {
  const name = i.plan.name_zh;
  const c = i.component;
  // Add seats and renewals look at the component as it is today; only a new order may start later.
  const asOf = i.orderType === 'new' ? i.effectiveDate : i.today;
  const expired = c ? isBefore(c.end_date, asOf) : true;
  if (i.orderType === 'add_seats') {
    if (!c || expired) {
      fail(
        422,
        'ADD_SEATS_NEEDS_ACTIVE',
        f(i.index, 'planId'),
        `${name} 没有未到期的订阅，不能增购人数`,
        `${i.plan.name_en ?? name} has no unexpired subscription to add seats to`,
        [{ zh: '先续期或新购，再增购', en: 'Renew or buy it first, then add seats' }],
      );
    }
    const seats =
      i.seats ?? fail(422, 'SEATS_REQUIRED', f(i.index, 'seats'), '请填写增购人数', 'Enter the seats to add');
    // R16: added seats run from today to the component's current end, priced pro rata.
    const period = periodTo(i.today, c.end_date);
    return checkSeats(i, seats, { seats, period, seatsAfter: c.seats + seats });
  }
  if (i.orderType === 'renew') {
    if (!c) {
      fail(
        422,
        'NOTHING_TO_RENEW',
        f(i.index, 'planId'),
        `客户尚未购买 ${name}，无法续期`,
        `The customer has no ${i.plan.name_en ?? name} to renew`,
        [{ zh: '订单类型改为新购', en: 'Change the order type to new' }],
      );
    }
    // R13: a renewal keeps the current seat count; leaving seats empty means exactly that.
    const seats = i.seats ?? c.seats;
    if (seats !== c.seats) {
      fail(
        422,
        'RENEWAL_SEATS_MISMATCH',
        f(i.index, 'seats'),
        `${name} 当前为 ${c.seats} 人，续期必须按 ${c.seats} 人续，不能续 ${seats} 人`,
        `${i.plan.name_en ?? name} has ${c.seats} active seats; a renewal must keep ${c.seats} seats, not ${seats}`,
        [
          { zh: `按当前 ${c.seats} 人续期`, en: `Renew all ${c.seats} seats` },
          {
            zh: `先提交减少人数申请（减到 ${seats} 人），订单组批准后再续 ${seats} 人`,
            en: `First file a seat reduction to ${seats} seats; once the order desk approves it, renew ${seats} seats`,
          },
        ],
      );
    }
    // R14: extend from the current end with no gap or overlap; an expired one renews from today.
    const start = expired ? i.today : addDays(c.end_date, 1);
    return checkSeats(i, seats, { seats, period: periodOf(i, start), seatsAfter: seats });
  }
  if (c && !expired) {
    fail(
      409,
      'ALREADY_SUBSCRIBED',
      f(i.index, 'planId'),
      `${name} 仍在服务期内（至 ${c.end_date}）`,
      `${i.plan.name_en ?? name} is active until ${c.end_date}`,
      [{ zh: '改为续期或增购', en: 'Use a renewal or an add-seats order instead' }],
    );
  }
  const seats =
    i.seats ??
    fail(422, 'SEATS_REQUIRED', f(i.index, 'seats'), '请填写购买人数', 'Enter the number of seats');
  const start = c ? maxDate(i.effectiveDate, addDays(c.end_date, 1)) : i.effectiveDate;
  return checkSeats(i, seats, { seats, period: periodOf(i, start), seatsAfter: seats });
}

/**
 * The effective date the server uses (R14, R16): add seats run from today; a renewal from the day after
 * the current end (today for an expired component), the earliest of its lines; a new order from today
 * or a later start the client asks for, never an earlier one.
 */
export function effectiveDateOf(
  orderType: OrderType,
  today: string,
  asked: string | undefined,
  ends: (string | undefined)[],
): string {
  if (orderType === 'add_seats') return today;
  if (orderType === 'new') return asked && !isBefore(asked, today) ? asked : today;
  const starts = ends.map((end) => (end && !isBefore(end, today) ? addDays(end, 1) : today)).sort();
  return starts[0] ?? today;
}

/** A client-sent effective date that is not the one the server uses is refused, naming the server's. */
export function checkEffectiveDate(asked: string | undefined, used: string): void {
  if (asked === undefined || asked === used) return;
  throw new AppError({
    status: 422,
    code: 'EFFECTIVE_DATE_MISMATCH',
    message: {
      zh: `生效日由系统确定：本单应为 ${used}，不能为 ${asked}`,
      en: `The effective date is decided by the server: ${used} for this order, not ${asked}`,
    },
    fields: [
      {
        field: 'effectiveDate',
        code: 'mismatch',
        message: { zh: `应为 ${used}`, en: `Must be ${used}` },
      },
    ],
    fixes: [{ zh: `生效日改为 ${used}，或不填`, en: `Use ${used}, or leave the effective date out` }],
    details: { effectiveDate: used },
  });
}

/** R15: a co-term date is the related external licence's end as the server knows it, nothing else. */
export function checkCoterm(asked: string | undefined, externalEnd: string | null): void {
  if (asked === undefined || asked === externalEnd) return;
  const zh = externalEnd
    ? `只能对齐到外部许可到期日 ${externalEnd}，不能对齐到 ${asked}`
    : `该客户没有已登记的外部许可到期日，不能对齐到 ${asked}`;
  const en = externalEnd
    ? `Co-term aligns only to the external licence end ${externalEnd}, not ${asked}`
    : `No external licence end is recorded for this customer; cannot co-term to ${asked}`;
  throw new AppError({
    status: 422,
    code: 'COTERM_NOT_EXTERNAL_END',
    message: { zh, en },
    fields: [{ field: 'cotermTo', code: 'mismatch', message: { zh, en } }],
    fixes: externalEnd
      ? [{ zh: `对齐日期改为 ${externalEnd}，或按时长购买`, en: `Use ${externalEnd}, or buy a duration` }]
      : [
          {
            zh: '先登记外部许可到期日，或按时长购买',
            en: 'Record the external licence end first, or buy a duration',
          },
        ],
    details: { externalEnd },
  });
}

function periodOf(i: LinePlanInput, start: string): Period {
  if (i.cotermTo) return periodTo(start, i.cotermTo);
  if (!i.duration)
    fail(
      422,
      'DURATION_REQUIRED',
      f(i.index, 'duration'),
      '请填写购买时长（天、月或年）',
      'Enter a duration in days, months or years',
    );
  return periodFrom(start, i.duration.unit, i.duration.value, i.plan.duration_rule);
}

function checkSeats(i: LinePlanInput, seats: number, plan: LinePlan): LinePlan {
  const { seat_min: min, seat_max: max } = i.plan;
  if (seats < 1 || plan.seatsAfter < min || (max !== null && plan.seatsAfter > max)) {
    fail(
      422,
      'SEATS_OUT_OF_TIER',
      f(i.index, 'seats'),
      `${i.plan.name_zh} 的人数须在 ${min}–${max ?? '不限'} 之间，本单后为 ${plan.seatsAfter}`,
      `${i.plan.name_en ?? i.plan.name_zh} allows ${min}–${max ?? 'any'} seats; this order makes it ${plan.seatsAfter}`,
      [{ zh: '调整人数或选择其他档位', en: 'Change the seats or choose another tier' }],
    );
  }
  return plan;
}
