import type { PlanDetail } from './types';

/** Today in business time (Asia/Shanghai), as 'YYYY-MM-DD'. */
export function businessToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now);
}

export type Sale = 'on_sale' | 'not_yet' | 'ended';

/** R8: a plan is on sale inside its validity window (inclusive, open ends); the server's planOnSale agrees. */
export function saleOf(plan: Pick<PlanDetail, 'validFrom' | 'validTo'>, today: string): Sale {
  if (plan.validFrom && today < plan.validFrom) return 'not_yet';
  if (plan.validTo && plan.validTo < today) return 'ended';
  return 'on_sale';
}
