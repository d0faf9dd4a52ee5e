import type { DeviceState } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type Principal, requireRole } from '../../platform/principal';
import { resolveTreeWhere as resolveWhere, type TreeWhereInput as WhereInput } from '../parties';
import { CHANGE_DEVICE_STATE, devicesAmbiguous, devicesNotFound, distinct } from './device';
import { auditDevices } from './device-audit';
import { devicesByNos, setStates } from './device-store';

export interface DeviceBatchStateInput extends WhereInput {
  /** the customer's own device ids, as pasted (批量设备停用) */
  deviceNos: string[];
  state: DeviceState;
}

export interface DeviceBatchResult {
  changed: string[];
  unchanged: string[];
}

/**
 * R19 in batch from a pasted list: every id that is unknown or outside the chosen company tree is named
 * and nothing is applied; the rest move in one statement. Ids already in the asked state are reported,
 * not refused, so pasting the same list twice is harmless.
 */
export async function changeDeviceStates(
  deps: Deps,
  p: Principal,
  input: DeviceBatchStateInput,
): Promise<DeviceBatchResult> {
  requireRole(p, CHANGE_DEVICE_STATE, { zh: '停用或启用设备', en: 'deactivate or reactivate devices' });
  return transact(deps.database.db, async (tx) => {
    const w = await resolveWhere(tx, p, input);
    const nos = distinct(input.deviceNos);
    const rows = await devicesByNos(tx, p, w, nos);
    const seen = new Map<string, number>();
    for (const r of rows) seen.set(r.device_no, (seen.get(r.device_no) ?? 0) + 1);
    const missing = nos.filter((n) => !seen.has(n));
    if (missing.length > 0) throw devicesNotFound(missing, 'deviceNos');
    const twice = nos.filter((n) => (seen.get(n) ?? 0) > 1);
    if (twice.length > 0) throw devicesAmbiguous(twice);
    const moved = await setStates(
      tx,
      rows.map((r) => r.id),
      input.state,
      toDate(deps.clock.now()),
    );
    const before: DeviceState = input.state === 'active' ? 'deactivated' : 'active';
    await auditDevices(
      tx,
      deps.clock,
      p,
      moved.map((m) => ({
        objectType: 'device',
        objectId: m.id,
        action: input.state === 'deactivated' ? 'deactivate' : 'reactivate',
        stateBefore: before,
        stateAfter: input.state,
        reason: 'batch',
      })),
    );
    const changed = new Set(moved.map((m) => m.device_no));
    return { changed: nos.filter((n) => changed.has(n)), unchanged: nos.filter((n) => !changed.has(n)) };
  });
}
