import type { Deps } from '../../platform/deps';
import type { Principal } from '../../platform/principal';
import type { OrderRow } from '../orders';
import { type PlannedRefundLine, planRefund, type RefundInput } from './file-refund';
import { type PlanName, planNames } from './refund-store';

/** R32: what a refund of these orders would return, line by line with plan names; reads, never locks. */
export async function previewRefund(
  deps: Deps,
  p: Principal,
  input: Pick<RefundInput, 'orderIds' | 'mode'>,
): Promise<{ orders: OrderRow[]; lines: (PlannedRefundLine & Partial<PlanName>)[] }> {
  const ex = deps.database.db;
  const plan = await planRefund(ex, deps.clock, p, input);
  const names = await planNames(
    ex,
    plan.lines.map((l) => l.plan_id),
  );
  return { orders: plan.orders, lines: plan.lines.map((l) => ({ ...l, ...names.get(l.plan_id) })) };
}
