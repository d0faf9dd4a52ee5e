import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, notFound, refuseIfAny, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkName, clean, MANAGE_PACKAGES, PACKAGE_CLASS } from './device';
import { type ClassRow, classById, updateClass } from './package-store';

export interface PackageClassUpdateInput {
  id: string;
  version: number;
  nameZh?: string | undefined;
  nameEn?: string | null | undefined;
}

/** Names only: code, level, type and parent stay, because packages are filed by them. */
export async function updatePackageClass(
  deps: Deps,
  p: Principal,
  input: PackageClassUpdateInput,
): Promise<ClassRow> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐分类', en: 'maintain package classes' });
  return transact(deps.database.db, async (tx) => {
    const row = await classById(tx, input.id);
    if (!row) throw notFound(PACKAGE_CLASS);
    const after = {
      name_zh: input.nameZh !== undefined ? (clean(input.nameZh) ?? '') : row.name_zh,
      name_en: input.nameEn !== undefined ? clean(input.nameEn) : row.name_en,
    };
    const out: FieldError[] = [];
    checkName(after.name_zh, out);
    refuseIfAny(out);
    if (!(await updateClass(tx, row.id, input.version, after)))
      throw versionConflict(PACKAGE_CLASS, row.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'package_class',
      objectId: row.id,
      action: 'update',
      before: { name_zh: row.name_zh, name_en: row.name_en },
      after,
    });
    return { ...row, ...after, version: row.version + 1 };
  });
}
