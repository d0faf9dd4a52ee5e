import type { Deps } from '../../platform/deps';
import type { Principal } from '../../platform/principal';
import { resolveCompany } from './records-where';
import { listTopupRecords, type TopupRecordFilter, type TopupRecordListRow } from './topup-records-store';
import { type CompanyInput, EXPORT_LIMIT } from './view-device-orders';

// 充值记录 (seed 003, R26): settled and pending top-ups, online and offline, of the wallets the caller may
// see. Payments' own `GET /payments/topups` stays the online attempts' list (with their QR codes).
export async function viewTopupRecords(
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: TopupRecordFilter,
): Promise<TopupRecordListRow[]> {
  const where = await resolveCompany(deps.database.db, p, w);
  return listTopupRecords(deps.database.db, p, where, f);
}

export const exportTopupRecords = (
  deps: Deps,
  p: Principal,
  w: CompanyInput,
  f: Omit<TopupRecordFilter, 'after' | 'limit'>,
): Promise<TopupRecordListRow[]> => viewTopupRecords(deps, p, w, { ...f, limit: EXPORT_LIMIT });
