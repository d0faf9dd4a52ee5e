import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, fieldError, refuseIfAny } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkCode, MANAGE_PACKAGES } from './device';
import { type PackageFieldsInput, packageFieldsOf } from './package-fields';
import { insertPackage, packageCodeTaken } from './package-store';

export type PackageCreateInput = Omit<PackageFieldsInput, 'nameEn'> & { nameEn?: string | null | undefined };

/** 套餐管理: a renewal or value-added package, priced per device-month (R18, seed 003). */
export async function createPackage(deps: Deps, p: Principal, input: PackageCreateInput): Promise<string> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐', en: 'maintain packages' });
  return transact(deps.database.db, async (tx) => {
    const out: FieldError[] = [];
    checkCode(input.code.trim(), out);
    const f = await packageFieldsOf(tx, { ...input, nameEn: input.nameEn ?? null }, out);
    if (out.length === 0 && (await packageCodeTaken(tx, f.code)))
      out.push(fieldError('code', 'taken', `编码「${f.code}」已被使用`, `Code "${f.code}" is taken`));
    refuseIfAny(out);
    const id = newId('pkg', deps.clock.now().epochMilliseconds);
    await insertPackage(tx, id, toDate(deps.clock.now()), f);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'device_package',
      objectId: id,
      action: 'create',
      after: { ...f, amount: f.amount.toString() },
    });
    return id;
  });
}
