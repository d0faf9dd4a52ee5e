import type { Exec } from '../../platform/db/database';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { undecidedOrdersOf } from '../orders';
import { openRefundsOn } from './transfer-store';

// R17 as an order desk runs it; the rules and the reasons are in docs/transfers.md.

/**
 * A customer moves only when nothing about it is in flight: no order waiting for a decision, no open refund.
 * Staff are told which ones; the receiving partner, which does not own the customer yet, only that some are.
 */
export async function refuseIfTransferBlocked(ex: Exec, p: Principal, companyId: string): Promise<void> {
  const [orders, refunds] = await Promise.all([
    undecidedOrdersOf(ex, companyId),
    openRefundsOn(ex, companyId),
  ]);
  if (orders.length === 0 && refunds.length === 0) return;
  const staff = p.kind !== 'partner' && p.kind !== 'customer';
  const named = [...orders, ...refunds].map((x) => x.number).join(', ');
  throw new AppError({
    status: 409,
    code: 'TRANSFER_BLOCKED',
    message: staff
      ? {
          zh: `客户仍有未决订单或未结返款申请（${named}），须先处理完毕才能转移`,
          en: `The customer still has undecided orders or open refund requests (${named}); decide them before the transfer`,
        }
      : {
          zh: '该客户在现渠道仍有未决订单或返款申请，处理完毕后才能转移',
          en: 'The customer has orders or refunds in progress with its current partner; it can move once they are decided',
        },
    fixes: [
      {
        zh: '请现渠道提交或删除草稿、等待订单审核和返款申请处理完毕后再申请',
        en: 'Ask the current partner to submit or delete its drafts and wait for its orders and refunds to be decided',
      },
    ],
    ...(staff
      ? { details: { orders: orders.map((o) => o.number), refunds: refunds.map((r) => r.number) } }
      : {}),
  });
}
