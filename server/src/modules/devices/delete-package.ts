import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { MANAGE_PACKAGES, PACKAGE } from './device';
import { deleteUnboundPackage, openOrdersSelling, packageDetail } from './package-store';

const packageBound = (code: string, n: number): AppError =>
  new AppError({
    status: 409,
    code: 'PACKAGE_BOUND',
    message: {
      zh: `套餐「${code}」已绑定 ${n} 台设备，不能删除`,
      en: `Package "${code}" is bound to ${n} device(s); it cannot be deleted`,
    },
    fixes: [
      {
        zh: '先在设备列表按此套餐筛选并解除绑定，再删除',
        en: 'Filter the device list by this package, remove the bindings, then delete',
      },
    ],
    details: { boundDevices: n },
  });

/** Refused while any device holds the package (R18), with how many, and the fix. */
export async function deletePackage(deps: Deps, p: Principal, id: string, version: number): Promise<void> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐', en: 'maintain packages' });
  return transact(deps.database.db, async (tx) => {
    const row = await packageDetail(tx, id);
    if (!row) throw notFound(PACKAGE);
    const orders = await openOrdersSelling(tx, id, toDate(deps.clock.now()));
    if (orders > 0)
      throw new AppError({
        status: 409,
        code: 'PACKAGE_ON_OPEN_ORDER',
        message: {
          zh: `套餐「${row.code}」在 ${orders} 个未完成的订单中，不能删除`,
          en: `Package "${row.code}" is on ${orders} open order(s); it cannot be deleted`,
        },
        details: { openOrders: orders },
      });
    if (row.bound_devices > 0) throw packageBound(row.code, row.bound_devices);
    // The delete re-checks the bindings in its own statement: a binding made since the read still wins.
    if (!(await deleteUnboundPackage(tx, id, version))) {
      const now = await packageDetail(tx, id);
      if (now && now.bound_devices > 0) throw packageBound(row.code, now.bound_devices);
      throw versionConflict(PACKAGE, row.version);
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device_package',
      objectId: id,
      action: 'delete',
      before: { code: row.code, name_zh: row.name_zh, kind: row.kind, amount: row.amount.toString() },
    });
  });
}
