import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import type { Principal } from '../../platform/principal';
import { transferComponents } from '../entitlements';
import { companyByTenantForTransfer, lockCompanyOwner, setCompanyPartner } from '../parties';
import type { RequestRow } from './request';
import { refuseIfTransferBlocked } from './transfer-rules';

/**
 * R17: the approved transfer moves the customer and its history to the new partner. The company row is
 * locked first, so no payment relying on the old owner (it locks the row too) commits in between,
 * and the check that nothing is in flight is the one that decides.
 */
export async function applyTransfer(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const pl = r.payload as { tenantId: string; toPartnerId: string };
  const company = await companyByTenantForTransfer(tx, pl.tenantId);
  if (!company) throw new Error(`tenant ${pl.tenantId} vanished`);
  await lockCompanyOwner(tx, company.id, 'transfer');
  await refuseIfTransferBlocked(tx, p, company.id);
  await setCompanyPartner(tx, clock, company.id, pl.toPartnerId);
  await transferComponents(tx, clock, company.id, { type: 'request', id: r.id });
}
