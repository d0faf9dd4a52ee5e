import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { MANAGE_PACKAGES, PACKAGE_CLASS } from './device';
import { classById, classUsage, deleteUnusedClass } from './package-store';

/** A class still holding subcategories or packages stays, and the refusal says how many. */
export async function deletePackageClass(
  deps: Deps,
  p: Principal,
  id: string,
  version: number,
): Promise<void> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐分类', en: 'maintain package classes' });
  return transact(deps.database.db, async (tx) => {
    const row = await classById(tx, id);
    if (!row) throw notFound(PACKAGE_CLASS);
    if (await deleteUnusedClass(tx, id, version)) {
      await appendAudit(tx, deps.clock, actorOf(p), {
        objectType: 'package_class',
        objectId: id,
        action: 'delete',
        before: { level: row.level, code: row.code, name_zh: row.name_zh, type: row.type },
      });
      return;
    }
    const used = await classUsage(tx, id);
    if (used.children === 0 && used.packages === 0) throw versionConflict(PACKAGE_CLASS, row.version);
    throw new AppError({
      status: 409,
      code: 'PACKAGE_CLASS_IN_USE',
      message: {
        zh: `分类「${row.code}」下还有 ${used.children} 个小类、${used.packages} 个套餐，不能删除`,
        en: `Class "${row.code}" still has ${used.children} subcategories and ${used.packages} packages; it cannot be deleted`,
      },
      fixes: [
        { zh: '先删除或移走其下的小类和套餐', en: 'Delete or move its subcategories and packages first' },
      ],
      details: used,
    });
  });
}
