import type { BillingCycle } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { autoRenewCompany } from '../renewals';
import { queueCompanyEmail } from './billing-email';
import { autoRenewCompanies } from './billing-store';
import type { DailyStep } from './daily-step';

/** One billing cycle's worth of service is what an automatic renewal buys (R38 出账周期). */
const CYCLE_MONTHS: Record<BillingCycle, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/**
 * R38 自动续费, the daily job's first step (so a renewed device is no longer reminded): every company with
 * auto-renew on renews its devices expiring within 7 days from its wallet (renewals' `autoRenewCompany`,
 * one transaction per currency). A refusal — a short balance, named with its numbers (R13) — is emailed to
 * the company once per company, currency and day, in its language; the job goes on with the next company.
 */
export const autoRenewStep: DailyStep = {
  name: 'autoRenew',
  async run(deps, day) {
    const counts = { renewed: 0, orders: 0, refused: 0 };
    for (const { companyId, cycle } of await autoRenewCompanies(deps.database.db))
      for (const r of await autoRenewCompany(
        deps,
        companyId,
        Temporal.PlainDate.from(day),
        CYCLE_MONTHS[cycle],
      )) {
        if (r.order) {
          counts.renewed += r.deviceCount;
          counts.orders += 1;
          continue;
        }
        counts.refused += r.deviceCount;
        const why = r.refusal?.text ?? { zh: '自动续费未完成', en: 'Auto-renewal did not go through' };
        await queueCompanyEmail(
          deps.database.db,
          deps.clock,
          companyId,
          'auto_renew_refused',
          (lang) =>
            lang === 'zh-CN'
              ? {
                  subject: `自动续费未完成：${r.deviceCount} 台设备（${r.currency}）`,
                  body: `${day} 的自动续费未能完成，${r.deviceCount} 台设备将在 7 天内到期。\n原因：${why.zh}\n请充值后在「充值续费」中续费，或等待明天的自动续费。`,
                }
              : {
                  subject: `Auto-renewal did not go through: ${r.deviceCount} device(s) (${r.currency})`,
                  body: `The auto-renewal of ${day} did not go through; ${r.deviceCount} device(s) expire within 7 days.\nWhy: ${why.en}\nTop up and renew them under Renewals, or wait for tomorrow's auto-renewal.`,
                },
          `auto_renew_refused:${companyId}:${r.currency}:${day}`,
        );
      }
    return counts;
  },
};
