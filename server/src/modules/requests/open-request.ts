import { newId } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { nextNumber } from '../../platform/numbering-store';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import type { RequestCategory, RequestState } from './request';
import { insertRequest } from './request-store';
import { submitRequest } from './submit-request';

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

/**
 * Every request starts the same way: a numbered draft with its audit row, submitted at once if asked. The
 * filing use cases call it within their transaction (ADR 0014).
 */
export function openRequest(
  deps: Deps,
  p: Principal,
  r: OpenRequest,
): Promise<{ id: string; number: string; state: RequestState }> {
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
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
    return r.submit ? await submitRequest(within(deps, tx), p, id) : { id, number, state: 'draft' };
  });
}
