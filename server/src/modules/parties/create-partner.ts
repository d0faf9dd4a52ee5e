import { newId } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { actorOf, type Principal, requireRole } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { checkPartner, type PartnerInput } from './partner';
import { insertPartner, partnerByCode } from './partner-store';
import { MANAGE_PARTNERS } from './roles';
import { clean, refuseIfAny } from './validation';

export async function createPartner(deps: Deps, p: Principal, input: PartnerInput): Promise<string> {
  requireRole(p, MANAGE_PARTNERS, { zh: '创建渠道', en: 'create partners' });
  const code = input.code.trim().toUpperCase();
  refuseIfAny(checkPartner(code, input.nameZh));
  const at = deps.clock.now();
  const row = {
    id: newId('prt', at.epochMilliseconds),
    code,
    name_zh: input.nameZh.trim(),
    name_en: clean(input.nameEn),
    state: 'active' as const,
    created_at: toDate(at),
  };
  return transact(deps.database.db, async (tx) => {
    if (await partnerByCode(tx, code)) {
      const message = { zh: `渠道编码 ${code} 已被使用`, en: `Partner code ${code} is already in use` };
      throw new AppError({
        status: 409,
        code: 'PARTNER_CODE_TAKEN',
        message,
        fields: [{ field: 'code', code: 'taken', message }],
      });
    }
    await insertPartner(tx, row);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'partner',
      objectId: row.id,
      action: 'create',
      stateAfter: 'active',
      after: row,
    });
    return row.id;
  });
}
