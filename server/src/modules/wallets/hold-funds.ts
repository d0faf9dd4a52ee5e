import { type Currency, formatAmount } from '@kaidan/shared';
import type { Clock } from '../../platform/clock';
import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import { findWallet, type OwnerType, tryHold } from './wallet-store';

export interface HoldInput {
  ownerType: OwnerType;
  ownerId: string;
  currency: Currency;
  amount: bigint;
  ref: { type: string; id: string };
}

/** R2: reserve the amount, or refuse naming the available balance, the holds and the shortfall. */
export async function holdFunds(ex: Exec, clock: Clock, h: HoldInput): Promise<string> {
  const holdId = await tryHold(ex, clock, h, h.amount, h.ref);
  if (holdId) return holdId;
  throw await shortOfFunds(ex, h);
}

/** R13: only on refusal, read the wallet so the figures explain the refusal as of now. */
export async function shortOfFunds(
  ex: Exec,
  h: { ownerType: OwnerType; ownerId: string; currency: Currency; amount: bigint },
): Promise<AppError> {
  const now = await findWallet(ex, h.ownerType, h.ownerId, h.currency);
  const balance = now?.balance ?? 0n;
  const held = now?.held ?? 0n;
  const available = balance - held;
  const shortfall = h.amount - available;
  const f = (v: bigint) => `${formatAmount(v, h.currency)} ${h.currency}`;
  return new AppError({
    status: 422,
    code: 'INSUFFICIENT_FUNDS',
    message: {
      zh: `钱包可用余额不足：余额 ${f(balance)}，冻结 ${f(held)}，可用 ${f(available)}，本单需 ${f(h.amount)}，还差 ${f(shortfall)}`,
      en: `Wallet available balance is short: balance ${f(balance)}, holds ${f(held)}, available ${f(available)}, this order needs ${f(h.amount)}, short by ${f(shortfall)}`,
    },
    fixes: [
      { zh: `充值至少 ${f(shortfall)} 后重新提交`, en: `Top up at least ${f(shortfall)} and submit again` },
      { zh: '作废其他未付款订单以释放冻结金额', en: 'Void other unpaid orders to release their holds' },
    ],
    details: {
      currency: h.currency,
      balance: formatAmount(balance, h.currency),
      holds: formatAmount(held, h.currency),
      available: formatAmount(available, h.currency),
      required: formatAmount(h.amount, h.currency),
      shortfall: formatAmount(shortfall, h.currency),
    },
  });
}
