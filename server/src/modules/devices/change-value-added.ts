import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import type { BindResult } from './bind-renewal-package';
import { BIND_PACKAGES, devicesNotFound, distinct } from './device';
import { auditDevices } from './device-audit';
import { addValueAdded, devicesByIds, removeValueAdded } from './device-store';
import { packagesForBinding } from './package-store';

export interface ValueAddedInput {
  packageIds: string[];
  deviceIds: string[];
  /** false: add the packages on top (客户增值配置); true: take them off */
  remove?: boolean | undefined;
}

/** R18: value-added packages on top of the renewal package, added or removed for chosen devices at once. */
export async function changeValueAdded(
  deps: Deps,
  p: Principal,
  input: ValueAddedInput,
): Promise<BindResult> {
  requireRole(p, BIND_PACKAGES, { zh: '维护增值套餐', en: 'maintain value-added packages' });
  return transact(deps.database.db, async (tx) => {
    const pkgIds = distinct(input.packageIds);
    const pkgs = await packagesForBinding(tx, pkgIds);
    const good = new Set(pkgs.filter((x) => x.kind === 'value_added').map((x) => x.id));
    const bad = pkgIds.filter((id) => !good.has(id));
    if (bad.length > 0)
      throw invalid('packageIds', 'not_value_added', {
        zh: `不是增值套餐或不存在：${bad.join(', ')}`,
        en: `Not value-added packages, or missing: ${bad.join(', ')}`,
      });
    const ids = distinct(input.deviceIds);
    const found = new Set((await devicesByIds(tx, p, ids)).map((d) => d.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) throw devicesNotFound(missing, 'deviceIds');
    const rows = input.remove
      ? await removeValueAdded(tx, ids, pkgIds)
      : await addValueAdded(tx, ids, pkgIds, toDate(deps.clock.now()));
    await auditDevices(
      tx,
      deps.clock,
      p,
      rows.map((r) => ({
        objectType: 'device',
        objectId: r.device_id,
        action: input.remove ? 'remove_value_added' : 'add_value_added',
        after: { package_id: r.package_id },
      })),
    );
    const touched = [...new Set(rows.map((r) => r.device_id))];
    return { changed: touched.length, deviceIds: touched };
  });
}
