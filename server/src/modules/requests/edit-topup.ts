import type { Currency } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, invalid, notFound } from '../../platform/errors';
import { actorOf, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { requireFiler } from './duties';
import { parseTopupAmount } from './file-topup';
import { findRequest } from './request-store';
import { REQUEST } from './submit-request';
import { type TopupRow, topupsOf, updateTopup } from './topup-store';

export interface TopupEdit {
  payer?: string | undefined;
  currency?: Currency | undefined;
  amount?: string | undefined;
  bankRef?: string | undefined;
}

// The editable content, in the shape the trail shows before and after (R40).
const contentOf = (t: Pick<TopupRow, 'payer' | 'currency' | 'amount' | 'bank_ref'>) => ({
  payer: t.payer,
  currency: t.currency,
  amount: t.amount,
  bankRef: t.bank_ref,
});

const filled = (field: 'payer' | 'bankRef', v: string | undefined): string | undefined => {
  if (v === undefined) return undefined;
  if (!v.trim())
    throw invalid(field, 'REQUIRED', { zh: '必填项，不能为空', en: 'Required; cannot be blank' });
  return v.trim();
};

/**
 * R25: the filer alone edits, and only a draft or a returned (驳回) application; submitted, approved or
 * declined do not change. Every edit is audited with the stored content before and after (R40).
 */
export async function editTopup(deps: Deps, p: Principal, input: TopupEdit & { id: string }): Promise<void> {
  const { id } = input;
  await transact(deps.database.db, async (tx) => {
    const r = await findRequest(tx, p, id, true);
    if (r?.category !== 'topup') throw notFound(REQUEST);
    requireFiler(r, p, 'edit');
    if (r.state !== 'draft' && r.state !== 'returned') {
      throw new AppError({
        status: 409,
        code: 'REQUEST_NOT_EDITABLE',
        message: {
          zh: `申请当前为 ${r.state}，不能修改`,
          en: `The request is ${r.state} and cannot be edited`,
        },
        fixes: [
          r.state === 'submitted'
            ? {
                zh: '撤回后重新申请，或请审核人退回（驳回）后修改',
                en: 'Withdraw it and file again, or ask the reviewer to return it for correction',
              }
            : {
                zh: '已结束的申请不能修改，请重新申请',
                en: 'A closed request is not edited; file a new one',
              },
        ],
      });
    }
    const [t] = await topupsOf(tx, [id]);
    if (!t) throw new Error(`top-up ${id} has no details`);
    const before = contentOf(t);
    const currency = input.currency ?? t.currency;
    const after = {
      payer: filled('payer', input.payer) ?? t.payer,
      currency,
      amount: input.amount === undefined ? t.amount : parseTopupAmount(input.amount, currency),
      bankRef: filled('bankRef', input.bankRef) ?? t.bank_ref,
    };
    await updateTopup(tx, id, after);
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'request',
      objectId: id,
      action: 'edit',
      stateBefore: r.state,
      stateAfter: r.state,
      before,
      after,
    });
  });
}
