import { type Currency, parseAmount } from '@kaidan/shared';
import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { COMMIT, requireActiveParty } from '../parties';
import { openRequest } from './open-request';
import { insertTopup, type TopupFields } from './topup-store';

export interface TopupInput {
  walletOwnerType: 'partner' | 'company';
  walletOwnerId: string;
  companyId?: string | undefined;
  payer: string;
  currency: Currency;
  amount: string;
  bankRef: string;
  submit?: boolean | undefined;
}

export function parseTopupAmount(amount: string, currency: Currency): bigint {
  const minor = parseAmount(amount, currency);
  if (minor === null || minor <= 0n) {
    throw invalid(
      'amount',
      'AMOUNT_INVALID',
      {
        zh: '金额须为大于 0 的数字，最多两位小数',
        en: 'The amount must be a positive number with at most 2 decimals',
      },
      [{ zh: '例如 10000.00', en: 'For example 10000.00' }],
    );
  }
  return minor;
}

/** R25: an offline top-up application, saved as an editable draft or submitted to finance at once. */
export async function fileTopup(
  deps: Deps,
  p: Principal,
  input: TopupInput,
): Promise<{ id: string; number: string; state: string }> {
  requireRole(p, ['sales', 'partner_agent', 'admin'], { zh: '提交充值申请', en: 'file top-up applications' });
  await requireActiveParty(deps.database.db, p, COMMIT.topup);
  const owner =
    p.kind === 'partner'
      ? { walletOwnerType: 'partner' as const, walletOwnerId: p.partnerId ?? '' }
      : { walletOwnerType: input.walletOwnerType, walletOwnerId: input.walletOwnerId };
  for (const [field, v] of [
    ['payer', input.payer],
    ['bankRef', input.bankRef],
  ] as const) {
    if (!v.trim()) throw invalid(field, 'REQUIRED', { zh: '必填项', en: 'Required' });
  }
  const fields: TopupFields = {
    ...owner,
    companyId: input.companyId ?? null,
    payer: input.payer.trim(),
    currency: input.currency,
    amount: parseTopupAmount(input.amount, input.currency),
    bankRef: input.bankRef.trim(),
  };
  return transact(deps.database.db, async (tx) => {
    const opened = await openRequest(within(deps, tx), p, {
      category: 'topup',
      partnerId: owner.walletOwnerType === 'partner' ? owner.walletOwnerId : null,
      companyId: fields.companyId,
      payload: {},
      after: { category: 'topup', amount: fields.amount, currency: fields.currency },
      submit: input.submit === true,
    });
    await insertTopup(tx, opened.id, fields);
    return opened;
  });
}
