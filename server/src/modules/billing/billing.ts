import type { BillingCycle, EmailLanguage } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { AppError, type FieldError, fieldError, type Text } from '../../platform/errors';
import type { Role } from '../../platform/principal';
import { checkEmail } from '../parties';

// Billing's own rules, pure (issue #13, R38, R46, seed 003 账户配置 / 收费账户配置): who may configure,
// what a configuration must satisfy, and the periods a billing cycle cuts the calendar into.

export const BILLING_CONFIG: Text = { zh: '账户配置', en: 'Billing configuration' };
export const STATEMENT: Text = { zh: '账单', en: 'Statement' };

// docs/billing.md "Roles": seed 003 puts 收费账户配置 under sales (销售操作) in the operations centre that
// tech support also works in, and 账户配置 in the customer's own guide; admin does everything. Finance,
// the order desk and partner agents read. Every read and write is narrowed by the company scope, so a
// customer or a company-scoped staff user configures its company and its subsidiaries only.
export const CONFIGURE_BILLING: Role[] = ['admin', 'sales', 'support', 'customer'];

export interface BillingSettings {
  billingCycle: BillingCycle;
  autoRenew: boolean;
  notify: boolean;
  emailLanguage: EmailLanguage;
  emails: string[];
}

export const MAX_EMAILS = 10;

/** Trimmed, lower-cased, blanks and repeats dropped: the addresses as stored and compared. */
export const normalEmails = (emails: readonly string[]): string[] => [
  ...new Set(emails.map((e) => e.trim().toLowerCase()).filter(Boolean)),
];

/**
 * Every bad address at once, each under its own index. Notifications on need somewhere to go: an empty
 * list with `notify` on is refused with the fix, rather than a silent configuration that never emails.
 */
export function checkSettings(s: BillingSettings): FieldError[] {
  const out: FieldError[] = [];
  s.emails.forEach((e, i) => {
    checkEmail(`emails.${i}`, e, out);
  });
  if (s.emails.length > MAX_EMAILS)
    out.push(
      fieldError(
        'emails',
        'too_many',
        `推送邮箱最多 ${MAX_EMAILS} 个`,
        `At most ${MAX_EMAILS} notification emails`,
      ),
    );
  if (s.notify && s.emails.length === 0)
    out.push(
      fieldError(
        'emails',
        'required',
        '开启推送时至少填写一个推送邮箱',
        'Notifications on need at least one notification email',
      ),
    );
  return out;
}

export const NOTIFY_FIXES: Text[] = [
  { zh: '填写推送邮箱，或关闭推送', en: 'Add a notification email, or turn notifications off' },
];

/** 配置所选公司 is all or nothing: every company that is unknown or out of scope is named, none applied. */
export function companiesNotFound(ids: string[]): AppError {
  const shown = ids.slice(0, 50).join(', ');
  return new AppError({
    status: 422,
    code: 'COMPANIES_NOT_FOUND',
    message: {
      zh: `${ids.length} 家公司不存在或不在您的管理范围内，未做任何更改：${shown}`,
      en: `${ids.length} compan(ies) not found in your scope; nothing was changed: ${shown}`,
    },
    fields: [
      {
        field: 'companyIds',
        code: 'not_found',
        message: { zh: `找不到：${shown}`, en: `Not found: ${shown}` },
      },
    ],
    fixes: [{ zh: '去掉这些公司后重新提交', en: 'Leave these companies out and submit again' }],
    details: { companyIds: ids },
  });
}

/** A closed period of a billing cycle, both ends inclusive business dates. */
export interface Period {
  start: string;
  end: string;
}

const MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The first day of the period of `cycle` that contains `day` (calendar months, quarters from January). */
export function periodStartOf(cycle: BillingCycle, day: Temporal.PlainDate): Temporal.PlainDate {
  const n = MONTHS[cycle];
  const month = Math.floor((day.month - 1) / n) * n + 1;
  return Temporal.PlainDate.from({ year: day.year, month, day: 1 });
}

/**
 * R46: the period that closed the day before `day`, when `day` opens a new one; otherwise none. The
 * job for the first day of a period makes the statement of the one before.
 */
export function closedPeriodOn(cycle: BillingCycle, day: Temporal.PlainDate): Period | null {
  if (!periodStartOf(cycle, day).equals(day)) return null;
  const end = day.subtract({ days: 1 });
  return { start: periodStartOf(cycle, end).toString(), end: end.toString() };
}
