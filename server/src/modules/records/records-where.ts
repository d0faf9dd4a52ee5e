import type { Currency, DeviceDepth, PaymentMethodName } from '@kaidan/shared';
import type { Exec } from '../../platform/db/database';
import type { ListFilter } from '../../platform/keyset';
import type { Principal } from '../../platform/principal';
import { findCompanyInScope } from '../parties';

/** The company filter of every record list: a company and its subsidiaries, or it alone (直属). */
export interface CompanyWhere {
  companyId?: string | undefined;
  depth: DeviceDepth;
}

/**
 * A chosen company must be in the caller's scope, else the same 404 as a missing one: a filter must not
 * tell a foreign company from an unknown one by answering an empty list for one and 404 for the other.
 * Without a company the caller's whole scope is meant (the stores apply it on every row).
 */
export async function resolveCompany(
  ex: Exec,
  p: Principal,
  w: { companyId?: string | undefined; depth?: DeviceDepth | undefined },
): Promise<CompanyWhere> {
  if (w.companyId) await findCompanyInScope(ex, p, w.companyId);
  return { companyId: w.companyId, depth: w.depth ?? 'all' };
}

/** What every record list filters and pages by; each list adds its own lifecycle's fields. */
export interface RecordFilter<SortKey extends string> extends ListFilter<SortKey> {
  paymentMethod?: PaymentMethodName | undefined;
  currency?: Currency | undefined;
  partnerId?: string | undefined;
}
