import type { DeviceDepth } from '@kaidan/shared';
import type { Deps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import type { KeyedRow } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import {
  type DeviceOrderFilter,
  type DeviceOrderItemRow,
  type DeviceOrderListRow,
  type DeviceOrderRow,
  deviceOrderInScope,
  listDeviceOrderItems,
  listDeviceOrders,
} from './records-store';
import { resolveCompany } from './records-where';

// 订单记录 (seed 003, R39): device orders, paid and unpaid, open to every signed-in principal and narrowed by
// the company scope (customer: its tree; partner: its customers'; staff: all or their tree). Exports take
// the list's filters and sort, up to EXPORT_LIMIT rows, as the devices' export does.
export const EXPORT_LIMIT = 10_000;
const DEVICE_ORDER = { zh: '设备订单', en: 'Device order' };

export interface CompanyInput {
  companyId?: string | undefined;
  depth?: DeviceDepth | undefined;
}

export async function viewDeviceOrders(
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: DeviceOrderFilter,
): Promise<DeviceOrderListRow[]> {
  const where = await resolveCompany(deps.database.db, p, w);
  return listDeviceOrders(deps.database.db, p, where, f);
}

export const exportDeviceOrders = (
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: Omit<DeviceOrderFilter, 'after' | 'limit'>,
): Promise<DeviceOrderListRow[]> => viewDeviceOrders(deps, p, w, { ...f, limit: EXPORT_LIMIT });

/** An order in scope with one keyset page of its items; out of scope is indistinguishable from missing. */
export async function viewDeviceOrderItems(
  deps: Deps,
  p: Principal,
  id: string,
  f: Parameters<typeof listDeviceOrderItems>[2],
): Promise<{ order: DeviceOrderRow; items: (DeviceOrderItemRow & KeyedRow)[] }> {
  const order = await deviceOrderInScope(deps.database.db, p, id);
  if (!order) throw notFound(DEVICE_ORDER);
  return { order, items: await listDeviceOrderItems(deps.database.db, id, f) };
}
