import type { Exec } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { devicesDeactivated, devicesNotFound, distinct } from './device';
import { type DeviceRow, devicesByIds } from './device-store';

/**
 * R19 for the renewal slice (R20): the devices a renewal names, locked, all in the principal's scope and
 * active. An unknown or out-of-scope id, or a deactivated device, refuses the whole renewal naming each.
 * Runs inside the caller's transaction.
 */
export async function activeDevicesForRenewal(
  ex: Exec,
  p: Principal,
  deviceIds: string[],
): Promise<DeviceRow[]> {
  const ids = distinct(deviceIds);
  const rows = await devicesByIds(ex, p, ids);
  const known = new Set(rows.map((d) => d.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length > 0) throw devicesNotFound(missing, 'deviceIds');
  const off = rows.filter((d) => d.state === 'deactivated').map((d) => d.device_no);
  if (off.length > 0) throw devicesDeactivated(off);
  return rows;
}
