import { newId } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { nextNumber } from '../../platform/numbering-store';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import type { RequestCategory, RequestState } from './request';
import { insertRequest } from './request-store';
import { submitRequestInTx } from './submit-request';

export interface OpenRequest {
  category: RequestCategory;
  partnerId: string | null;
  companyId: string | null;
  payload: unknown;
  /** what the audit row shows as the new content (the payload unless said otherwise) */
  after?: unknown;
  reason?: string | undefined;
  submit: boolean;
}

/** Every request starts the same way: a numbered draft with its audit row, submitted at once if asked. */
export async function openRequest(
  tx: Tx,
  clock: Clock,
  p: Principal,
  r: OpenRequest,
): Promise<{ id: string; number: string; state: RequestState }> {
  const id = newId('req', clock.now().epochMilliseconds);
  const number = await nextNumber(tx, clock, 'request', 'RQ');
  await insertRequest(tx, clock, p, {
    id,
    number,
    category: r.category,
    partnerId: r.partnerId,
    companyId: r.companyId,
    payload: r.payload,
  });
  await appendAudit(tx, clock, actorOf(p), {
    objectType: 'request',
    objectId: id,
    action: 'create',
    stateAfter: 'draft',
    after: r.after ?? r.payload,
    reason: r.reason ?? null,
  });
  return r.submit ? await submitRequestInTx(tx, clock, p, id) : { id, number, state: 'draft' };
}
