import type { Deps } from '../../platform/deps';
import { type Principal, type Role, requireRole } from '../../platform/principal';
import { type BillingOrderFilter, type BillingOrderListRow, listBillingOrders } from './billing-orders-store';
import { resolveCompany } from './records-where';
import { type CompanyInput, EXPORT_LIMIT } from './view-device-orders';

// 订单管理 (seed 003, R39) is finance's reconciliation list; admins see everything. Sales file offline
// top-ups and see them in 充值记录, not here (docs/records.md "Roles").
export const BILLING_READERS: Role[] = ['finance', 'admin'];
const ACTION = { zh: '查看订单管理', en: 'view billing orders' };

export async function viewBillingOrders(
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: BillingOrderFilter,
): Promise<BillingOrderListRow[]> {
  requireRole(p, BILLING_READERS, ACTION);
  const where = await resolveCompany(deps.database.db, p, w);
  return listBillingOrders(deps.database.db, p, where, f);
}

export const exportBillingOrders = (
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: Omit<BillingOrderFilter, 'after' | 'limit'>,
): Promise<BillingOrderListRow[]> => viewBillingOrders(deps, p, w, { ...f, limit: EXPORT_LIMIT });
