import type { Deps } from '../../platform/deps';
import type { Principal } from '../../platform/principal';
import { type Evaluation, evaluateRefund, type RefundMode } from './evaluate-refund';
import { type PlanName, planNames } from './refund-store';
import type { RefundWindows } from './refund-windows';

/**
 * R30/R32/R33/R35: the policy's verdicts on a draft refund of these orders, shown before filing — per
 * line the refundable amount or each refusal with its rule, numbers and fix, per order where the money
 * would go back. Reads, never locks; filing and acceptance run the same evaluation under locks.
 */
export async function previewRefund(
  deps: Deps,
  p: Principal,
  input: { orderIds: string[]; mode: RefundMode },
  windows?: RefundWindows,
): Promise<Evaluation & { names: Map<string, PlanName> }> {
  const ex = deps.database.db;
  const ev = await evaluateRefund(ex, deps.clock, p, { ...input, ...(windows ? { windows } : {}) });
  const names = await planNames(
    ex,
    ev.lines.map((l) => l.line.plan_id),
  );
  return { ...ev, names };
}
