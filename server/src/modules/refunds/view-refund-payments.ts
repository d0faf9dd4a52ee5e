import type { Deps } from '../../platform/deps';
import type { KeyedRow } from '../../platform/keyset';
import { type Principal, requireRole } from '../../platform/principal';
import {
  listRefundPayments,
  type RefundPaymentFilter,
  type RefundPaymentListRow,
} from './refund-payments-store';

/** Who follows refunds to the end (DESIGN §1: finance reconciles): finance and admins. */
export const REFUND_PAYMENT_READERS = ['finance', 'admin'] as const;

/**
 * R35, R29: every refund payment, newest first by default — the ones still on their way, the failed ones
 * still owed (their fix is finance's own transfer or a wallet credit), and late money returned unasked.
 */
export function viewRefundPayments(
  deps: Deps,
  p: Principal,
  f: RefundPaymentFilter,
): Promise<(RefundPaymentListRow & KeyedRow)[]> {
  requireRole(p, [...REFUND_PAYMENT_READERS], { zh: '查看退款执行', en: 'see refund payments' });
  return listRefundPayments(deps.database.db, f);
}
