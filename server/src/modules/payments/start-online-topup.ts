import { formatAmount, newId, parseAmount } from '@kaidan/shared';
import { toDate } from '../../platform/clock';
import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, invalid } from '../../platform/errors';
import { type Principal, requireRole } from '../../platform/principal';
import { COMMIT, requireActiveParty } from '../parties';
import { recordAttempt, TOPUP_TTL } from './online-attempt';
import type { AttemptRow } from './payment-store';
import type { Payments, ProviderName } from './provider';

/** The most one online top-up may carry (minor units): ¥1,000,000.00. */
const MAX_TOPUP = 100_000_000n;

export interface OnlineTopupInput {
  amount: string;
  provider?: ProviderName | undefined;
}

const noProvider = () =>
  new AppError({
    status: 409,
    code: 'PAYMENT_PROVIDER_UNAVAILABLE',
    message: { zh: '当前未开通在线支付', en: 'No online payment provider is configured' },
    fixes: [
      { zh: '请改用线下充值申请（银行转账）', en: 'File an offline top-up (bank transfer) instead' },
      {
        zh: '管理员可配置支付渠道，演示环境可开启沙箱（KAIDAN_PAYMENTS_SANDBOX=1）',
        en: 'An admin configures a provider; a demo may enable the sandbox (KAIDAN_PAYMENTS_SANDBOX=1)',
      },
    ],
  });

/**
 * R25 online: a partner's agent tops up its partner's wallet, a customer user its own company's. The
 * server picks the currency from the party (CNY: the providers built take CNY only; PayPal in USD for
 * foreign customers is not built yet), asks the provider for a QR code, and records the attempt with its
 * expiry job in one transaction.
 */
export async function startOnlineTopup(
  deps: Deps,
  payments: Payments,
  p: Principal,
  input: OnlineTopupInput,
): Promise<AttemptRow> {
  requireRole(p, ['partner_agent', 'customer'], { zh: '在线充值', en: 'top up online' });
  const owner =
    p.kind === 'partner' && p.partnerId
      ? { type: 'partner' as const, id: p.partnerId }
      : p.kind === 'customer' && p.companyId
        ? { type: 'company' as const, id: p.companyId }
        : null;
  if (!owner) throw invalid('owner', 'NO_OWN_WALLET', { zh: '没有可充值的钱包', en: 'You have no wallet' });
  await requireActiveParty(deps.database.db, p, COMMIT.topup);
  const currency = input.provider === 'paypal' ? ('USD' as const) : ('CNY' as const); // PayPal: USD (R28)
  const amount = parseAmount(input.amount, currency);
  if (amount === null || amount <= 0n || amount > MAX_TOPUP)
    throw invalid('amount', 'AMOUNT_OUT_OF_RANGE', {
      zh: `充值金额须大于 0 且不超过 ${formatAmount(MAX_TOPUP, currency)}`,
      en: `The amount must be above 0 and at most ${formatAmount(MAX_TOPUP, currency)}`,
    });
  const name = input.provider ?? payments.preferred;
  const provider = name ? payments.providers.get(name) : undefined;
  if (!provider?.currencies.includes(currency)) throw noProvider();

  const now = deps.clock.now();
  const id = newId('pay', now.epochMilliseconds);
  // out_trade_no: 28 of [A-Z0-9], inside WeChat Pay's 6–32 of [A-Za-z0-9_-|*], unique with the id.
  const merchantOrderNo = `KD${id.slice(4).toUpperCase()}`;
  const expiresAt = now.add(TOPUP_TTL);
  // The provider first: if it refuses, nothing is recorded; if our insert then fails, its order expires.
  const { codeUrl } = await provider.createAttempt({
    merchantOrderNo,
    amount,
    currency,
    description: '开单钱包充值 Kaidan wallet top-up',
    expiresAt,
  });
  return transact(deps.database.db, (tx) =>
    recordAttempt(
      tx,
      deps,
      p,
      {
        id,
        purpose: 'topup',
        owner_type: owner.type,
        owner_id: owner.id,
        provider: provider.name,
        merchant_order_no: merchantOrderNo,
        amount,
        currency,
        code_url: codeUrl,
        created_by: p.userId,
        created_at: toDate(now),
        expires_at: toDate(expiresAt),
      },
      expiresAt,
    ),
  );
}
