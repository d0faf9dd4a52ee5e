import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { renameCompanyRow } from './company-store';

export interface NewCompanyName {
  nameZh: string;
  nameEn?: string | null | undefined;
}

/**
 * R7: renames a company inside the transaction that approves it (a renewal carrying the new name, or a
 * rename request); the audit row keeps both names and names the cause.
 */
export async function applyCompanyRename(
  tx: Tx,
  clock: Clock,
  p: Principal,
  companyId: string,
  name: NewCompanyName,
  cause: string,
): Promise<void> {
  const before = await renameCompanyRow(tx, companyId, name.nameZh, name.nameEn ?? null);
  if (!before) throw new Error(`company ${companyId} vanished during a rename`);
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'company',
    objectId: companyId,
    action: 'rename',
    before: { nameZh: before.name_zh, nameEn: before.name_en },
    after: { nameZh: name.nameZh, nameEn: name.nameEn ?? before.name_en },
    reason: cause,
  });
}
