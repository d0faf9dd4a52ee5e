import { newId } from '@kaidan/shared';
import { Temporal } from 'temporal-polyfill';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, fieldError, invalid, refuseIfAny } from '../../platform/errors';
import { actorOf, hasRole, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { findCompanyInScope } from '../parties';
import { BIND_PACKAGES, checkToken, MANAGE_DEVICES } from './device';
import { deviceNoTaken, insertDevice } from './device-store';
import { packageForBinding } from './package-store';

export interface DeviceCreateInput {
  companyId?: string | undefined;
  deviceNo: string;
  type: string;
  expiresOn?: string | null | undefined;
  renewalPackageId?: string | null | undefined;
}

const STAFF_ONLY = (field: string, zh: string, en: string) =>
  fieldError(field, 'staff_only', `${zh}由技术支持维护`, `${en} is maintained by tech support`);

/**
 * A device comes into Kaidan created by staff or registered by the customer's own system through an API
 * key (issue #13). The customer names only its device id and type: the expiry and the bound package are
 * what it pays for, so they are set by staff (R18, R21), never by the customer.
 */
export async function registerDevice(deps: Deps, p: Principal, input: DeviceCreateInput): Promise<string> {
  requireRole(p, MANAGE_DEVICES, { zh: '登记设备', en: 'register devices' });
  return transact(deps.database.db, async (tx) => {
    const companyId = input.companyId ?? (p.kind === 'partner' ? null : p.companyId);
    if (!companyId)
      throw invalid('companyId', 'required', {
        zh: '请选择设备所属公司',
        en: 'Choose the company of the device',
      });
    await findCompanyInScope(tx, p, companyId);
    const deviceNo = input.deviceNo.trim();
    const type = input.type.trim();
    const out: FieldError[] = [];
    checkToken('deviceNo', deviceNo, out);
    checkToken('type', type, out);
    const staff = hasRole(p, ...BIND_PACKAGES);
    if (input.expiresOn && !staff) out.push(STAFF_ONLY('expiresOn', '到期日', 'The expiry'));
    if (input.expiresOn && !/^\d{4}-\d{2}-\d{2}$/.test(input.expiresOn))
      out.push(fieldError('expiresOn', 'date_invalid', '到期日格式为 YYYY-MM-DD', 'Expiry is YYYY-MM-DD'));
    else if (input.expiresOn) {
      try {
        Temporal.PlainDate.from(input.expiresOn, { overflow: 'reject' });
      } catch {
        out.push(
          fieldError('expiresOn', 'date_invalid', '到期日不是有效日期', 'The expiry is not a real date'),
        );
      }
    }
    if (input.renewalPackageId) {
      if (!staff) out.push(STAFF_ONLY('renewalPackageId', '续费套餐', 'The renewal package'));
      else {
        const pkg = await packageForBinding(tx, input.renewalPackageId);
        if (pkg?.kind !== 'renewal')
          out.push(
            fieldError('renewalPackageId', 'not_renewal', '续费套餐不存在', 'No such renewal package'),
          );
      }
    }
    if (out.length === 0 && (await deviceNoTaken(tx, companyId, deviceNo)))
      out.push(
        fieldError(
          'deviceNo',
          'taken',
          `该公司已有设备ID「${deviceNo}」`,
          `The company already has device id "${deviceNo}"`,
        ),
      );
    refuseIfAny(out);
    const row = {
      id: newId('dev', deps.clock.now().epochMilliseconds),
      company_id: companyId,
      device_no: deviceNo,
      type,
      renewal_package_id: input.renewalPackageId ?? null,
      expires_on: input.expiresOn ?? null,
      created_at: toDate(deps.clock.now()),
    };
    await insertDevice(tx, row);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device',
      objectId: row.id,
      action: 'register',
      stateAfter: 'active',
      after: { ...row, created_at: undefined },
    });
    return row.id;
  });
}
