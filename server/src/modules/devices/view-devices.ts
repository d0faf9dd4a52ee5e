import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { resolveTreeWhere as resolveWhere, type TreeWhereInput as WhereInput } from '../parties';
import { DEVICE } from './device';
import {
  type DeviceDetailRow,
  type DeviceFilter,
  type DeviceListRow,
  deviceInScope,
  listDevices,
} from './device-store';

// Reads of devices: open to every signed-in principal, narrowed by the company scope and the direct/all
// switch. Exports take the list's filters and sort, up to EXPORT_LIMIT rows (R39).
export const EXPORT_LIMIT = 10_000;

export async function viewDevices(
  deps: Deps,
  p: Principal,
  w: WhereInput,
  f: DeviceFilter,
): Promise<DeviceListRow[]> {
  const where = await resolveWhere(deps.database.db, p, w);
  return listDevices(deps.database.db, p, where, f);
}

export const exportDevices = (
  deps: Deps,
  p: Principal,
  w: WhereInput,
  f: Omit<DeviceFilter, 'after' | 'limit'>,
): Promise<DeviceListRow[]> => viewDevices(deps, p, w, { ...f, limit: EXPORT_LIMIT });

export async function viewDevice(deps: Deps, p: Principal, id: string): Promise<DeviceDetailRow> {
  const row = await deviceInScope(deps.database.db, p, id);
  if (!row) throw notFound(DEVICE);
  return row;
}
