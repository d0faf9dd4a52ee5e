import type { Currency } from '@kaidan/shared';
import type { Deps } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { parseTopupAmount } from './file-topup';
import { findRequest } from './request-store';
import { REQUEST } from './submit-request';
import { topupsOf, updateTopup } from './topup-store';

/** R25: a draft or a returned (驳回) application stays editable; submitted, approved or declined do not. */
export async function editTopup(
  deps: Deps,
  p: Principal,
  id: string,
  input: {
    payer?: string | undefined;
    currency?: Currency | undefined;
    amount?: string | undefined;
    bankRef?: string | undefined;
  },
): Promise<void> {
  await deps.database.db.transaction().execute(async (tx) => {
    const r = await findRequest(tx, p, id, true);
    if (r?.category !== 'topup') throw notFound(REQUEST);
    if (r.state !== 'draft' && r.state !== 'returned') {
      throw conflict('REQUEST_NOT_EDITABLE', {
        zh: `申请当前为 ${r.state}，不能修改`,
        en: `The request is ${r.state} and cannot be edited`,
      });
    }
    const [before] = await topupsOf(tx, [id]);
    const currency = input.currency ?? before?.currency ?? 'CNY';
    await updateTopup(tx, id, {
      ...(input.payer ? { payer: input.payer } : {}),
      ...(input.currency ? { currency: input.currency } : {}),
      ...(input.amount ? { amount: parseTopupAmount(input.amount, currency) } : {}),
      ...(input.bankRef ? { bankRef: input.bankRef } : {}),
    });
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: 'edit',
      before,
      after: input,
    });
  });
}
