import type { Currency } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { type AccountCode, ensureAccount, postEntry } from '../ledger';
import { deliverRenewal } from './deliver-renewal';
import type { DeviceOrderRow } from './renewal';
import { lockDeviceOrder } from './renewal-store';

export type RenewalSettlement = 'paid' | 'late' | 'amount_mismatch';

/**
 * R29 online: the payments module settles an attempt for a renewal order (in its transaction, under the
 * attempt's lock). An order still awaiting payment is delivered and the money booked Dr clearing / Cr
 * revenue. Money for an order that stopped waiting (expired) is late: nothing delivered, refunded by its
 * channel. The money arrived, so a device deactivated meanwhile is extended all the same (docs/renewals.md).
 */
export async function settleRenewalPayment(
  tx: Tx,
  clock: Clock,
  by: Principal,
  orderId: string,
  pay: {
    attemptId: string;
    method: DeviceOrderRow['payment_method'];
    amount: bigint;
    currency: Currency;
    from: AccountCode;
    memo: string;
  },
): Promise<RenewalSettlement> {
  const order = await lockDeviceOrder(tx, orderId);
  if (order?.state !== 'awaiting_payment') return 'late';
  if (pay.amount !== order.total || pay.currency !== order.currency) return 'amount_mismatch';
  if (!(await deliverRenewal(tx, clock, by, order, pay.method, pay.attemptId))) return 'late';
  if (order.total > 0n) {
    const fromId = await ensureAccount(tx, clock, pay.from, order.currency, null);
    const revenueId = await ensureAccount(tx, clock, 'revenue', order.currency, null);
    await postEntry(tx, clock, {
      kind: 'capture',
      currency: order.currency,
      refType: 'device_order',
      refId: order.id,
      memo: `${order.number} ${pay.memo}`,
      postings: [
        { accountId: fromId, amount: order.total },
        { accountId: revenueId, amount: -order.total },
      ],
    });
  }
  return 'paid';
}
