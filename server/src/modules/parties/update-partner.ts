import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { notFound, versionConflict } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkPartner } from './partner';
import { partnerInScope, updatePartner } from './partner-store';
import { MANAGE_PARTNERS } from './roles';
import { clean, refuseIfAny } from './validation';

export interface PartnerPatch {
  version: number;
  nameZh?: string;
  nameEn?: string | null;
  state?: 'active' | 'suspended';
}

export async function updatePartnerDetails(
  deps: Deps,
  p: Principal,
  id: string,
  patch: PartnerPatch,
): Promise<void> {
  requireRole(p, MANAGE_PARTNERS, { zh: '修改渠道', en: 'change partners' });
  await transact(deps.database.db, async (tx) => {
    const before = await partnerInScope(tx, p, id);
    if (!before) throw notFound({ zh: '渠道', en: 'Partner' });
    const after = {
      name_zh: patch.nameZh === undefined ? before.name_zh : patch.nameZh.trim(),
      name_en: patch.nameEn === undefined ? before.name_en : clean(patch.nameEn),
      state: patch.state ?? before.state,
    };
    refuseIfAny(checkPartner(before.code, after.name_zh));
    if (!(await updatePartner(tx, id, patch.version, after)))
      throw versionConflict({ zh: '渠道资料', en: 'partner' }, before.version);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'partner',
      objectId: id,
      action: 'update',
      stateBefore: before.state,
      stateAfter: after.state,
      before: { name_zh: before.name_zh, name_en: before.name_en, state: before.state },
      after,
    });
  });
}
