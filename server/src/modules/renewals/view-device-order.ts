import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { DEVICE_ORDER, type DeviceOrderRow } from './renewal';
import { type DeviceOrderItemRow, findDeviceOrder, itemsOf } from './renewal-store';

export interface DeviceOrderView {
  order: DeviceOrderRow;
  items: DeviceOrderItemRow[];
}

/** One renewal order in the caller's scope (404 outside it) with its first items. */
export async function viewDeviceOrder(
  deps: Deps,
  p: Principal,
  id: string,
  limit = 200,
): Promise<DeviceOrderView> {
  const db = deps.database.db;
  const order = await findDeviceOrder(db, p, id);
  if (!order) throw notFound(DEVICE_ORDER);
  return { order, items: await itemsOf(db, order.id, limit) };
}
