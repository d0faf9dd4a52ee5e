import type { Exec } from '../../platform/db/database';
import { AppError, notFound, type Text } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { CUSTOMER } from './company-scope';
import type { CompanyRow } from './company-store';
import { actingParty, orderedCompany, orderingCompany, type PartyState } from './party-state-store';

// Issue #10 item 6: suspension is one rule, checked here and called in one line at the top of every use
// case that commits money. A suspended partner's or company's users sign in and read; they do not submit
// orders (no hold), file or submit top-ups, or file or submit refunds. A suspended company is not ordered
// for at all, not even as a draft, by anyone.

/** What each money-committing use case calls the action in its refusal. */
export const COMMIT = {
  order: { zh: '提交订单（占用余额）', en: 'submit orders (which hold wallet money)' },
  topup: { zh: '提交充值申请', en: 'file top-up applications' },
  refund: { zh: '申请返款', en: 'request refunds' },
} as const satisfies Record<string, Text>;

const nameOf = (s: PartyState) => ({ zh: s.name_zh, en: s.name_en ?? s.name_zh });

/** Refuses a suspended partner's or company's own users; staff and the system act for no party. */
export async function requireActiveParty(ex: Exec, p: Principal, action: Text): Promise<void> {
  refuseSuspendedParty(await actingParty(ex, p), action);
}

function refuseSuspendedParty(party: PartyState | null | undefined, action: Text): void {
  if (party?.state !== 'suspended') return;
  const name = nameOf(party);
  const what = party.type === 'partner' ? { zh: '渠道', en: 'partner' } : { zh: '客户', en: 'customer' };
  throw new AppError({
    status: 403,
    code: 'PARTY_SUSPENDED',
    message: {
      zh: `${what.zh}${name.zh}已暂停：可以登录查看，但不能${action.zh}`,
      en: `The ${what.en} ${name.en} is suspended: you can sign in and view, but not ${action.en}`,
    },
    fixes: [{ zh: '请联系我方管理员恢复后再操作', en: 'Ask the vendor’s administrator to reactivate it' }],
    details: { partyType: party.type, partyId: party.id },
  });
}

/**
 * An order being placed (a draft, or submitted with `submit`) or a draft being submitted (by `orderId`):
 * the company it is for must be active, and whoever submits must not act for a suspended party.
 */
export async function requireOrderable(
  ex: Exec,
  p: Principal,
  order: { companyId: string; submit?: boolean | undefined } | { orderId: string },
): Promise<void> {
  if (!('companyId' in order) || order.submit === true) await requireActiveParty(ex, p, COMMIT.order);
  refuseSuspendedCompany(await orderedCompany(ex, p, order));
}

/**
 * requireOrderable for an order being placed, in the statement that also reads (and, when submitting,
 * locks) its company: returns the company, or refuses as requireOrderable and findCompanyInScope do.
 */
export async function orderableCompany(
  ex: Exec,
  p: Principal,
  companyId: string,
  submit: boolean,
): Promise<CompanyRow> {
  const c = await orderingCompany(ex, p, companyId, submit);
  // Out of scope: a suspended party still hears that first, then the usual 404.
  if (!c) {
    if (submit) await requireActiveParty(ex, p, COMMIT.order);
    throw notFound(CUSTOMER);
  }
  if (submit) refuseSuspendedParty(c.acting, COMMIT.order);
  refuseSuspendedCompany({ type: 'company', ...c });
  const { state: _state, acting: _acting, ...company } = c;
  return company;
}

function refuseSuspendedCompany(company: PartyState | undefined): void {
  if (company?.state !== 'suspended') return;
  const name = nameOf(company);
  throw new AppError({
    status: 409,
    code: 'COMPANY_SUSPENDED',
    message: {
      zh: `客户 ${name.zh} 已暂停，不能为其下单或提交订单`,
      en: `The customer ${name.en} is suspended and cannot be ordered for`,
    },
    fixes: [{ zh: '请由管理员恢复该客户后再下单', en: 'An administrator reactivates the customer first' }],
    details: { companyId: company.id },
  });
}
