import type { Principal } from '../../platform/principal';
import type { RequestRow } from './request';

/** What a partner filing a transfer may know of it: what it typed and the name of the customer it named. */
const TRANSFER_FOR_FILER = ['tenantId', 'companyName', 'toPartnerId', 'reason'] as const;

/**
 * A request as one viewer may see it (issue #10 item 10): what a party may not know is not in the answer.
 * The order desk decides a transfer with the company's internal id and current owner in front of it; the
 * receiving partner does not own the customer yet, so it gets neither.
 */
export function asSeenBy<R extends RequestRow>(p: Principal, r: R): R {
  if ((p.kind !== 'partner' && p.kind !== 'customer') || r.category !== 'transfer') return r;
  const payload: Record<string, unknown> = {};
  for (const k of TRANSFER_FOR_FILER) if (r.payload[k] !== undefined) payload[k] = r.payload[k];
  return { ...r, payload };
}
