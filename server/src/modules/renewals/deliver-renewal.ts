import { formatAmount } from '@kaidan/shared';
import { type Clock, toDate, today } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { debitFunds } from '../wallets';
import type { DeviceOrderRow } from './renewal';
import { auditRenewedDevices, extendDevices, markDeviceOrderPaid } from './renewal-store';

/**
 * R20, R29: a paid renewal order delivers: awaiting_payment → paid (conditional, so a second settlement
 * finds nothing to do), every device extended from max(expiry, today) in one statement, one trail row per
 * device naming the order, and the order's own trail row. The caller moves the money, wallet last.
 */
export async function deliverRenewal(
  tx: Tx,
  clock: Clock,
  by: Principal,
  order: DeviceOrderRow,
  method: DeviceOrderRow['payment_method'],
  attemptId: string | null,
): Promise<boolean> {
  if (!(await markDeviceOrderPaid(tx, order.id, method, toDate(clock.now())))) return false;
  const extended = await extendDevices(tx, order.id, order.months, today(clock).toString());
  await auditRenewedDevices(tx, clock, actorOf(by), order);
  await appendAudit(tx, clock, actorOf(by), {
    objectType: 'device_order',
    objectId: order.id,
    action: 'pay',
    stateBefore: 'awaiting_payment',
    stateAfter: 'paid',
    after: {
      paid: formatAmount(order.total, order.currency),
      currency: order.currency,
      method,
      attemptId,
      devicesExtended: extended,
    },
  });
  return true;
}

/** R20 by balance: the paying company's wallet, last in the transaction (one conditional debit and post). */
export async function chargeWallet(tx: Tx, clock: Clock, order: DeviceOrderRow, memo: string): Promise<void> {
  if (order.total === 0n) return;
  await debitFunds(
    tx,
    clock,
    { ownerType: 'company', ownerId: order.company_id },
    {
      ref: { type: 'device_order', id: order.id },
      currency: order.currency,
      amount: order.total,
      credits: [{ code: 'revenue', amount: order.total }],
      memo,
    },
  );
}
