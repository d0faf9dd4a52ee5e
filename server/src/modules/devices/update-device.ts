import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, notFound, refuseIfAny, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkToken, DEVICE, MANAGE_DEVICES } from './device';
import { deviceInScope, updateDeviceType } from './device-store';

export interface DeviceUpdateInput {
  id: string;
  version: number;
  type?: string | undefined;
}

/** The device id is the customer's key and stays; its type (which drives per-type binding) may change. */
export async function updateDevice(deps: Deps, p: Principal, input: DeviceUpdateInput): Promise<void> {
  requireRole(p, MANAGE_DEVICES, { zh: '维护设备', en: 'maintain devices' });
  return transact(deps.database.db, async (tx) => {
    const row = await deviceInScope(tx, p, input.id);
    if (!row) throw notFound(DEVICE);
    const type = input.type?.trim() ?? row.type;
    const out: FieldError[] = [];
    checkToken('type', type, out);
    refuseIfAny(out);
    if (!(await updateDeviceType(tx, p, row.id, input.version, type)))
      throw versionConflict(DEVICE, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device',
      objectId: row.id,
      action: 'update',
      before: { type: row.type },
      after: { type },
    });
  });
}
