import type { Dashboard as DashboardWire } from '@kaidan/shared/contracts/reports';
import type { z } from 'zod';
import { money } from '../../http/present';
import type { Dashboard } from './view-dashboard';

// Wire shape of the dashboard: counts as numbers (they are small), amounts as decimal strings.
export function presentDashboard(d: Dashboard): z.infer<typeof DashboardWire> {
  const w = d.waiting;
  return {
    scope: d.scope,
    today: d.today,
    monthStart: d.monthStart,
    monthEnd: d.monthEnd,
    waiting: {
      ordersToReview: Number(w.orders_to_review),
      requestsToDecide: Number(w.requests_to_decide),
      myOpenRequests: Number(w.my_open_requests),
      myReturnedRequests: Number(w.my_returned_requests),
      overdue: Number(w.overdue),
      requests: d.requestsWaiting.map((q) => ({
        category: q.category,
        count: Number(q.count),
        overdue: Number(q.overdue),
      })),
    },
    expiringSoon: d.expiringSoon.map((e) => ({
      componentId: e.component_id,
      companyId: e.company_id,
      companyName: e.company_name,
      company: { zh: e.company_name, en: e.company_name_en },
      tenantId: e.tenant_id,
      product: { zh: e.product_name, en: e.product_name_en },
      planName: e.plan_name,
      plan: { zh: e.plan_name, en: e.plan_name_en },
      seats: e.seats,
      endDate: e.end_date,
      daysLeft: e.days_left,
    })),
    money: d.money.map((m) => ({ currency: m.currency, kind: m.kind, amount: money(m.amount, m.currency) })),
    moneyByDay: d.moneyByDay.map((s) => ({
      currency: s.currency,
      totalIn: money(s.totalIn, s.currency),
      totalOut: money(s.totalOut, s.currency),
      days: s.days.map((day) => ({
        date: day.date,
        in: money(day.in, s.currency),
        out: money(day.out, s.currency),
        byKind: day.byKind.map((k) => ({ kind: k.kind, amount: money(k.amount, s.currency) })),
      })),
    })),
    ordersByState: d.ordersByState.map((o) => ({ state: o.state, count: Number(o.count) })),
  };
}
