import { formatAmount, newId, parseAmount } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { type PricedRenewal, priceRenewal } from './price-renewal';
import type { RenewalInput } from './quote-renewal';
import {
  DEVICE_ORDER_DUE_JOB,
  type DeviceOrderRow,
  type DeviceOrderSource,
  RENEW_DEVICES,
  RENEWAL_PAY_WINDOW,
  totalMismatch,
} from './renewal';
import { insertDeviceOrder, releaseOverdue } from './renewal-store';

export interface PlaceRenewalInput extends RenewalInput {
  /** the total the customer confirmed on the quote (R20 step 3, the second confirmation) */
  expectedTotal: string;
  /** when that quote was made: a device renewed by another order since then is refused, not renewed twice */
  quotedAt: string;
}

/**
 * R20 step 3 → 4: the customer confirms the quote a second time and the order is placed, awaiting
 * payment for as long as a QR code lives; its items hold their devices (one open order per device, held by
 * a partial unique index). The price, the payer (the customer's company) and the deadline are the
 * server's; a confirmed total that differs is refused with the server's. One transaction, one commit.
 */
export async function placeRenewal(
  deps: Deps,
  p: Principal,
  input: PlaceRenewalInput,
): Promise<DeviceOrderRow> {
  requireRole(p, RENEW_DEVICES, { zh: '续费设备', en: 'renew devices' });
  const quotedAt = new Date(input.quotedAt);
  if (Number.isNaN(quotedAt.getTime()))
    throw invalid('quotedAt', 'quoted_at_invalid', {
      zh: '报价时间无效，请重新报价',
      en: 'The quote time is not a valid timestamp; quote again',
    });
  return transact(deps.database.db, async (tx) => {
    const now = toDate(deps.clock.now());
    const ids = input.deviceIds;
    await releaseOverdue(tx, ids, now);
    const priced = await priceRenewal(tx, p, input, now, { quotedAt, locked: true });
    const expected = parseAmount(input.expectedTotal, priced.currency);
    if (expected !== priced.total)
      throw totalMismatch(input.expectedTotal, formatAmount(priced.total, priced.currency), priced.currency);
    const order = await recordRenewal(tx, deps, p, payerCompany(p), priced, 'customer', {
      payment_method: 'wallet',
      payment_due_at: toDate(deps.clock.now().add(RENEWAL_PAY_WINDOW)),
    });
    if (order.payment_due_at)
      await enqueueJob(
        tx,
        deps.clock,
        DEVICE_ORDER_DUE_JOB,
        { orderId: order.id },
        deps.clock.now().add(RENEWAL_PAY_WINDOW),
      );
    return order;
  });
}

/** The customer's own company pays (R2: only the payer's own users commit its wallet). */
export function payerCompany(p: Principal): string {
  if (!p.companyId) throw new Error('a customer principal without a company');
  return p.companyId;
}

/** The order and its items, and its trail row; shared with the auto-renew job, which pays at once. */
export async function recordRenewal(
  tx: Tx,
  deps: Deps,
  p: Principal,
  companyId: string,
  priced: PricedRenewal,
  source: DeviceOrderSource,
  pay: Pick<DeviceOrderRow, 'payment_method' | 'payment_due_at'>,
): Promise<DeviceOrderRow> {
  const at = deps.clock.now();
  const order = await insertDeviceOrder(
    tx,
    deps.clock,
    {
      id: newId('dor', at.epochMilliseconds),
      company_id: companyId,
      source,
      months: priced.months,
      currency: priced.currency,
      total: priced.total,
      payment_method: pay.payment_method,
      payment_due_at: pay.payment_due_at,
      created_by: p.userId,
      created_at: toDate(at),
    },
    priced.devices,
  );
  await appendAudit(tx, deps.clock, actorOf(p), {
    objectType: 'device_order',
    objectId: order.id,
    action: 'place',
    stateAfter: order.state,
    after: {
      number: order.number,
      months: order.months,
      devices: order.device_count,
      total: formatAmount(order.total, order.currency),
      currency: order.currency,
      source,
    },
  });
  return order;
}
