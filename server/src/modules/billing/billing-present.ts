import { formatAmount } from '@kaidan/shared';
import { iso } from '../../http/present';
import type { ConfigRow } from './billing-store';
import type { StatementRow } from './statement';

export const presentConfig = (r: ConfigRow) => ({
  companyId: r.company_id,
  companyName: r.company_name,
  parentId: r.parent_id,
  configured: r.billing_cycle !== null,
  billingCycle: r.billing_cycle,
  autoRenew: r.auto_renew,
  notify: r.notify,
  emailLanguage: r.email_language,
  emails: r.emails ?? [],
  updatedAt: iso(r.updated_at),
  version: r.version,
});

export const presentStatement = (s: StatementRow) => ({
  id: s.id,
  companyId: s.company_id,
  companyName: s.company_name,
  billingCycle: s.billing_cycle,
  periodStart: s.period_start,
  periodEnd: s.period_end,
  balances: s.figures.balances.map((b) => ({
    currency: b.currency,
    opening: formatAmount(BigInt(b.opening), b.currency),
    topups: formatAmount(BigInt(b.topups), b.currency),
    payments: formatAmount(BigInt(b.payments), b.currency),
    refunds: formatAmount(BigInt(b.refunds), b.currency),
    other: formatAmount(BigInt(b.other), b.currency),
    closing: formatAmount(BigInt(b.closing), b.currency),
  })),
  lines: s.figures.lines.map((l) => ({ ...l, amount: formatAmount(BigInt(l.amount), l.currency) })),
  createdAt: s.created_at.toISOString(),
});
