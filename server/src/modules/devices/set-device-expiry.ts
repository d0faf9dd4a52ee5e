import { today } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { DEVICE } from './device';
import { expiryInPast, SET_EXPIRY } from './device-import';
import { deviceInScope, setExpiryAt } from './device-store';

export interface DeviceExpiryInput {
  id: string;
  version: number;
  expiresOn: string;
  allowPast?: boolean | undefined;
  reason?: string | undefined;
}

/**
 * R21 one at a time (设备到期维护 → 修改到期时间): tech support sets a device's expiry, version-checked.
 * A date before today is refused unless asked for (correcting data), as in the import. A deactivated
 * device may be corrected too: its expiry is data, and R19 already keeps it out of renewal and billing.
 */
export async function setDeviceExpiry(deps: Deps, p: Principal, input: DeviceExpiryInput): Promise<boolean> {
  requireRole(p, SET_EXPIRY, { zh: '修改设备到期日', en: 'set device expiries' });
  const day = today(deps.clock).toString();
  if (!input.allowPast && input.expiresOn < day) throw expiryInPast(day);
  return transact(deps.database.db, async (tx) => {
    const row = await deviceInScope(tx, p, input.id);
    if (!row) throw notFound(DEVICE);
    if (row.version !== input.version) throw versionConflict(DEVICE, row.version);
    if (row.expires_on === input.expiresOn) return false;
    if (!(await setExpiryAt(tx, p, row.id, input.version, input.expiresOn)))
      throw versionConflict(DEVICE, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device',
      objectId: row.id,
      action: 'set_expiry',
      before: { expiresOn: row.expires_on },
      after: { expiresOn: input.expiresOn },
      reason: input.reason?.trim() || null,
    });
    return true;
  });
}
