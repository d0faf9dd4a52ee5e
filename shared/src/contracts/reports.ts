import { z } from 'zod';
import { Amount, CurrencyCode, IsoDate } from './common';
import { OrderState } from './orders';

// GET /api/v1/dashboard: one answer per caller, already cut to their scope (staff everything, a partner
// its own wallets and customers, a customer its company and subsidiaries). Money is wallet money as the
// ledger records it, this calendar month in Asia/Shanghai; amounts are decimal strings.

const Name = z.object({ zh: z.string(), en: z.string().nullable() });
export const RequestCategory = z.enum(['topup', 'refund', 'seat_reduction', 'transfer', 'void', 'rename']);

export const QueueCount = z.object({
  category: RequestCategory,
  count: z.number().int(),
  /** past the R34 deadline (end of the third business day after submission) */
  overdue: z.number().int(),
});

export const Waiting = z.object({
  /** submitted orders in scope: the desk reviews them, a partner or customer waits for them */
  ordersToReview: z.number().int(),
  /** submitted requests of the caller's teams (finance, order desk) */
  requestsToDecide: z.number().int(),
  myOpenRequests: z.number().int(),
  myReturnedRequests: z.number().int(),
  /** of requestsToDecide, past their R34 deadline */
  overdue: z.number().int(),
  /** staff: their teams' queue by category; partner/customer: their requests waiting for the vendor */
  requests: z.array(QueueCount),
});

export const ExpiringComponent = z.object({
  componentId: z.string(),
  companyId: z.string(),
  /** zh legal name, kept for older clients; `company` carries both languages */
  companyName: z.string(),
  company: Name,
  tenantId: z.string().nullable(),
  product: Name,
  /** zh plan name, kept for older clients; `plan` carries both languages */
  planName: z.string(),
  plan: Name,
  seats: z.number().int(),
  endDate: IsoDate,
  /** whole days from today (Asia/Shanghai) to the end date; 0 = ends today */
  daysLeft: z.number().int(),
});

export const MoneyTotal = z.object({
  currency: CurrencyCode,
  /** journal entry kind: topup, capture, refund, settled_offline */
  kind: z.string(),
  /** from the wallets' side: credits positive, captures negative */
  amount: Amount,
});

export const MoneyDay = z.object({
  date: IsoDate,
  /** credited to the wallets that day (top-ups, refunds, settled-offline returns), ≥ 0 */
  in: Amount,
  /** debited from the wallets that day (captures), ≥ 0 */
  out: Amount,
  byKind: z.array(z.object({ kind: z.string(), amount: Amount })),
});

export const MoneySeries = z.object({
  currency: CurrencyCode,
  totalIn: Amount,
  totalOut: Amount,
  /** every day of the month, zeros included */
  days: z.array(MoneyDay),
});

export const Dashboard = z.object({
  scope: z.enum(['staff', 'partner', 'customer']),
  today: IsoDate,
  monthStart: IsoDate,
  monthEnd: IsoDate,
  waiting: Waiting,
  expiringSoon: z.array(ExpiringComponent),
  money: z.array(MoneyTotal),
  moneyByDay: z.array(MoneySeries),
  /** orders created this month in scope, by their state now (deleted drafts left out) */
  ordersByState: z.array(z.object({ state: OrderState, count: z.number().int() })),
});
