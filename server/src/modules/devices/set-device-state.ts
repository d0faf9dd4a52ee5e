import type { DeviceState } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { CHANGE_DEVICE_STATE, DEVICE } from './device';
import { deviceInScope, setStateAt } from './device-store';

export interface DeviceStateInput {
  id: string;
  version: number;
  state: DeviceState;
}

/** R19 one at a time (the row's − / + button): a version-checked move; asking for the current state is no change. */
export async function setDeviceState(deps: Deps, p: Principal, input: DeviceStateInput): Promise<boolean> {
  requireRole(p, CHANGE_DEVICE_STATE, { zh: '停用或启用设备', en: 'deactivate or reactivate devices' });
  return transact(deps.database.db, async (tx) => {
    const row = await deviceInScope(tx, p, input.id);
    if (!row) throw notFound(DEVICE);
    if (row.version !== input.version) throw versionConflict(DEVICE, row.version);
    if (row.state === input.state) return false;
    if (!(await setStateAt(tx, p, row.id, input.version, input.state, toDate(deps.clock.now()))))
      throw versionConflict(DEVICE, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device',
      objectId: row.id,
      action: input.state === 'deactivated' ? 'deactivate' : 'reactivate',
      stateBefore: row.state,
      stateAfter: input.state,
    });
    return true;
  });
}
