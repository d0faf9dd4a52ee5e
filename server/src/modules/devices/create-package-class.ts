import { newId, type PackageKind, type PackageLevel } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { type FieldError, fieldError, refuseIfAny } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkCode, checkName, clean, MANAGE_PACKAGES } from './device';
import { type ClassRow, classById, classCodeTaken, insertClass } from './package-store';

export interface PackageClassInput {
  level: PackageLevel;
  code: string;
  nameZh: string;
  nameEn?: string | null | undefined;
  type: PackageKind;
  parentId?: string | null | undefined;
}

/** 套餐大类 / 套餐小类 (seed 003): a subcategory sits under a category of the same type. */
export async function createPackageClass(
  deps: Deps,
  p: Principal,
  input: PackageClassInput,
): Promise<ClassRow> {
  requireRole(p, MANAGE_PACKAGES, { zh: '维护套餐分类', en: 'maintain package classes' });
  return transact(deps.database.db, async (tx) => {
    const code = input.code.trim();
    const out: FieldError[] = [];
    checkCode(code, out);
    checkName(clean(input.nameZh), out);
    const parentId = input.level === 'subcategory' ? (input.parentId ?? null) : null;
    if (input.level === 'category' && input.parentId)
      out.push(fieldError('parentId', 'not_allowed', '大类没有上级', 'A category has no parent'));
    if (input.level === 'subcategory') {
      const parent = parentId ? await classById(tx, parentId) : undefined;
      if (parent?.level !== 'category')
        out.push(
          fieldError('parentId', 'required', '小类须选择所属大类', 'A subcategory needs its category'),
        );
      else if (parent.type !== input.type)
        out.push(
          fieldError(
            'type',
            'type_mismatch',
            `小类的类型须与大类一致：「${parent.type}」`,
            `A subcategory has its category's type: "${parent.type}"`,
          ),
        );
    }
    if (out.length === 0 && (await classCodeTaken(tx, input.level, code)))
      out.push(fieldError('code', 'taken', `编码「${code}」已被使用`, `Code "${code}" is taken`));
    refuseIfAny(out);
    const row: Omit<ClassRow, 'version'> = {
      id: newId('pkc', deps.clock.now().epochMilliseconds),
      level: input.level,
      code,
      name_zh: clean(input.nameZh) ?? '',
      name_en: clean(input.nameEn),
      type: input.type,
      parent_id: parentId,
      created_at: toDate(deps.clock.now()),
    };
    await insertClass(tx, row);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'package_class',
      objectId: row.id,
      action: 'create',
      after: { ...row, created_at: undefined },
    });
    return { ...row, version: 1 };
  });
}
