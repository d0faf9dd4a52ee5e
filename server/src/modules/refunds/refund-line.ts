import { mulDivHalfUp } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { daysBetween, isBefore, type RollbackLine, type RollbackOrder, rollBackLine } from '../entitlements';

export type RefundOrder = RollbackOrder;

export interface RefundLine extends RollbackLine {
  days: number;
  period_end: string;
  amount: bigint;
  refunded: bigint;
  pass_through: boolean;
  refundable: boolean;
}

/**
 * R32/R35: the money refunding a line returns. Pass-through fees and non-refundable lines return nothing.
 * Unstarted time is returned in full; started time returns the unused days after `today` pro rata
 * (half-up), never more than is left unrefunded. The entitlements module takes back what the money paid
 * for (`rollBackLine`), with `apply` in the same transaction; a line with nothing left to return takes
 * nothing back, wherever it sits in a renewal chain.
 */
export async function refundLine(
  ex: Exec,
  clock: Clock,
  o: RefundOrder,
  line: RefundLine,
  today: string,
  apply: { cause: { type: string; id: string } } | null,
  chain: Map<string, string> = new Map(),
): Promise<bigint> {
  const amount = refundablePrice(line, today);
  if (amount === 0n) return 0n;
  return (await rollBackLine(ex, clock, o, line, today, apply, chain)) ? amount : 0n;
}

/** The price half of `refundLine`, pure: what is left of the line's amount for its unused days. */
export function refundablePrice(
  line: Pick<
    RefundLine,
    'amount' | 'refunded' | 'pass_through' | 'refundable' | 'days' | 'period_start' | 'period_end'
  >,
  today: string,
): bigint {
  // A refund ends the line's service (revoked, or shortened to that day), so a line refunded once has no
  // unused time left: a second refund would return days the first one already took back or the payer used.
  if (line.pass_through || !line.refundable || line.refunded > 0n) return 0n;
  const left = line.amount;
  const started = isBefore(line.period_start, today);
  if (!started) return left;
  const unused = Math.max(0, daysBetween(today, line.period_end) - 1);
  return minBig(left, mulDivHalfUp(line.amount, BigInt(unused), BigInt(line.days)));
}

const minBig = (a: bigint, b: bigint) => (a < b ? a : b);
