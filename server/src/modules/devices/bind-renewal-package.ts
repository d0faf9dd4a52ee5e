import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { resolveTreeWhere as resolveWhere, type TreeWhereInput as WhereInput } from '../parties';
import { BIND_PACKAGES, devicesNotFound, distinct } from './device';
import { auditDevices } from './device-audit';
import { type BindingChange, bindRenewalByIds, bindRenewalByType, devicesByIds } from './device-store';
import { packageForBinding } from './package-store';

export interface BindRenewalInput {
  /** null removes the binding */
  packageId: string | null;
  /** per device (根据设备增加): Kaidan device ids */
  deviceIds?: string[] | undefined;
  /** per type (按设备类型批量绑定): every device of the type under the company tree */
  byType?: (WhereInput & { type: string }) | undefined;
}

export interface BindResult {
  changed: number;
  deviceIds: string[];
}

const ONE_TARGET = {
  zh: '请二选一：按设备（deviceIds）或按设备类型（byType）',
  en: 'Give exactly one of deviceIds (per device) or byType (per device type)',
};

/**
 * R18: binds a renewal package per device, or to every device of a type in one set-based statement; the
 * same with `packageId: null` removes bindings. Devices already bound to the package are no change. A
 * per-device list with an id that is unknown or out of scope is refused whole, naming it.
 */
export async function bindRenewalPackage(
  deps: Deps,
  p: Principal,
  input: BindRenewalInput,
): Promise<BindResult> {
  requireRole(p, BIND_PACKAGES, { zh: '绑定套餐', en: 'bind packages' });
  if ((input.deviceIds === undefined) === (input.byType === undefined))
    throw invalid('deviceIds', 'one_target', ONE_TARGET);
  return transact(deps.database.db, async (tx) => {
    if (input.packageId !== null) {
      const pkg = await packageForBinding(tx, input.packageId);
      if (pkg?.kind !== 'renewal')
        throw invalid('packageId', 'not_renewal', {
          zh: '续费套餐不存在（增值套餐请在增值服务中维护）',
          en: 'No such renewal package (value-added packages go on top)',
        });
    }
    let changed: BindingChange[];
    if (input.deviceIds) {
      const ids = distinct(input.deviceIds);
      const found = await devicesByIds(tx, p, ids);
      const known = new Set(found.map((d) => d.id));
      const missing = ids.filter((id) => !known.has(id));
      if (missing.length > 0) throw devicesNotFound(missing, 'deviceIds');
      changed = await bindRenewalByIds(tx, ids, input.packageId);
    } else {
      const by = input.byType as WhereInput & { type: string };
      const w = await resolveWhere(tx, p, by);
      changed = await bindRenewalByType(tx, p, w, by.type.trim(), input.packageId);
    }
    await auditDevices(
      tx,
      deps.clock,
      p,
      changed.map((c) => ({
        objectType: 'device',
        objectId: c.id,
        action: input.packageId ? 'bind_renewal' : 'unbind_renewal',
        before: { renewal_package_id: c.before },
        after: { renewal_package_id: input.packageId },
        reason: input.byType ? `by type ${input.byType.type.trim()}` : null,
      })),
    );
    return { changed: changed.length, deviceIds: changed.map((c) => c.id) };
  });
}
