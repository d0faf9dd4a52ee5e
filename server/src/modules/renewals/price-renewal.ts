import type { Currency } from '@kaidan/shared';
import type { Tx } from '../../platform/db/database';
import { invalid } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { devicesDeactivated, devicesNotFound, distinct } from '../devices';
import { checkMonths, currenciesMixed, devicesUnbound, renewalOpen, renewedSinceQuote } from './renewal';
import { lockRenewalDevices, type RenewalDevice, renewalDevices } from './renewal-store';

export interface PricedRenewal {
  devices: RenewalDevice[];
  currency: Currency;
  months: number;
  total: bigint;
}

/** The most devices one renewal order takes: 100,000 renew in well under a minute (bench/). */
export const MAX_RENEWAL_DEVICES = 100_000;

/**
 * R18–R20, the one place a batch is checked: every id known and in scope, active (R19), bound to a
 * renewal package, one currency, on no other order awaiting payment and, when the customer confirms a
 * quote, renewed by no order since. Each refusal names every device it concerns. `locked` is for the
 * writes (placing, auto-renewing): their checks run under the devices' row locks; a quote writes nothing
 * and locks nothing, since its figures are checked again when the customer confirms.
 */
export async function priceRenewal(
  tx: Tx,
  p: Principal,
  input: { deviceIds: string[]; months: number },
  now: Date,
  at: { quotedAt: Date | null; locked: boolean },
): Promise<PricedRenewal> {
  checkMonths(input.months);
  const ids = distinct(input.deviceIds);
  if (ids.length === 0 || ids.length > MAX_RENEWAL_DEVICES)
    throw invalid('deviceIds', 'devices_count', {
      zh: `请选择 1–${MAX_RENEWAL_DEVICES} 个设备`,
      en: `Choose from 1 to ${MAX_RENEWAL_DEVICES} devices`,
    });
  if (at.locked) await lockRenewalDevices(tx, p, ids);
  const devices = await renewalDevices(tx, p, ids, now, at.quotedAt);
  if (devices.length < ids.length) {
    const known = new Set(devices.map((d) => d.id));
    throw devicesNotFound(
      ids.filter((id) => !known.has(id)),
      'deviceIds',
    );
  }
  const nos = (f: (d: RenewalDevice) => boolean) => devices.filter(f).map((d) => d.device_no);
  const off = nos((d) => d.state === 'deactivated');
  if (off.length > 0) throw devicesDeactivated(off);
  const unbound = nos((d) => d.package_id === null);
  if (unbound.length > 0) throw devicesUnbound(unbound);
  const byCurrency = new Map<Currency, string[]>();
  for (const d of devices) {
    if (!d.currency) continue;
    const list = byCurrency.get(d.currency) ?? [];
    if (list.length === 0) byCurrency.set(d.currency, list);
    list.push(d.device_no);
  }
  const [currency, ...others] = [...byCurrency.keys()];
  // A device whose value-added packages price in another currency than its renewal package is mixed too.
  if (!currency || others.length > 0 || devices.some((d) => d.value_added_foreign > 0))
    throw currenciesMixed(byCurrency);
  const open = devices.flatMap((d) =>
    d.open_number ? [{ device_no: d.device_no, number: d.open_number }] : [],
  );
  if (open.length > 0) throw renewalOpen(open);
  const renewed = devices.flatMap((d) =>
    d.renewed_number ? [{ device_no: d.device_no, number: d.renewed_number }] : [],
  );
  if (renewed.length > 0) throw renewedSinceQuote(renewed);
  const months = BigInt(input.months);
  const total = devices.reduce((s, d) => s + ((d.renewal_amount ?? 0n) + d.value_added_amount) * months, 0n);
  return { devices, currency, months: input.months, total };
}
