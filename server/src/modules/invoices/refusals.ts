import { AppError, conflict, notFound, type Text } from '../../platform/errors';
import type { Principal } from '../../platform/principal';

// The invoices module's refusals that more than one use case raises.

export const REQUEST = { zh: '开票申请', en: 'Invoice request' };
export const INVOICE = { zh: '发票', en: 'Invoice' };
export const REVERSAL = { zh: '红冲申请', en: 'Red-letter reversal' };
export const requestNotFound = () => notFound(REQUEST);
export const invoiceNotFound = () => notFound(INVOICE);

/** Separation of duties: who asked for an invoice (or a reversal) never issues (or confirms) it. */
export function refuseSelf(p: Principal, by: string | null, what: Text, verb: Text): void {
  if (!p.userId || p.userId !== by) return;
  throw new AppError({
    status: 403,
    code: 'SELF_APPROVAL',
    message: {
      zh: `您提交了此${what.zh}，不能${verb.zh}它`,
      en: `You filed this ${what.en.toLowerCase()}, so you cannot ${verb.en} it`,
    },
    fixes: [{ zh: '请由另一位财务同事处理', en: 'Ask another finance colleague' }],
  });
}

export const notOpen = (what: Text, state: string) =>
  conflict(
    'NOT_OPEN',
    {
      zh: `该${what.zh}已处理（${state}），不能再操作`,
      en: `The ${what.en.toLowerCase()} is already ${state}`,
    },
    { state },
  );
