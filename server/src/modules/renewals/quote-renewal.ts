import { Temporal } from 'temporal-polyfill';
import { toDate, today } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type Principal, requireRole } from '../../platform/principal';
import { type PricedRenewal, priceRenewal } from './price-renewal';
import { RENEW_DEVICES, renewedExpiry } from './renewal';
import type { RenewalDevice } from './renewal-store';

export interface RenewalInput {
  deviceIds: string[];
  months: number;
}

export interface QuotedDevice extends RenewalDevice {
  renews_to: string;
  amount: bigint;
}

export interface RenewalQuote extends Omit<PricedRenewal, 'devices'> {
  deviceCount: number;
  /** the devices in device-number order, each with its new expiry, the first `limit` of them */
  devices: QuotedDevice[];
  quotedAt: Temporal.Instant;
}

/** R20 step 3's screen: what the order will cost and each device's new expiry; nothing is written. */
export async function quoteRenewal(
  deps: Deps,
  p: Principal,
  input: RenewalInput,
  limit = 200,
): Promise<RenewalQuote> {
  requireRole(p, RENEW_DEVICES, { zh: '续费设备', en: 'renew devices' });
  const quotedAt = deps.clock.now();
  const priced = await transact(deps.database.db, (tx) =>
    priceRenewal(tx, p, input, toDate(quotedAt), { quotedAt: null, locked: false }),
  );
  const day = today(deps.clock);
  const months = BigInt(priced.months);
  const shown = [...priced.devices]
    .sort((a, b) => (a.device_no < b.device_no ? -1 : a.device_no > b.device_no ? 1 : 0))
    .slice(0, limit)
    .map((d) => ({
      ...d,
      renews_to: renewedExpiry(
        d.expires_on ? Temporal.PlainDate.from(d.expires_on) : null,
        day,
        priced.months,
      ).toString(),
      amount: ((d.renewal_amount ?? 0n) + d.value_added_amount) * months,
    }));
  return { ...priced, deviceCount: priced.devices.length, devices: shown, quotedAt };
}
