import { transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { actorOf, hasRole, type Principal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { ORDER, renamable } from './order';
import { findOrder, setRenameTo } from './order-store';

/**
 * R7: the renewal's creator (or the desk) records the customer's new company name while the order is a
 * draft or submitted; approval renames the company. Afterwards the refusal points to a rename request.
 */
export async function setCompanyRename(
  deps: Deps,
  p: Principal,
  orderId: string,
  name: { nameZh: string; nameEn?: string | undefined },
): Promise<void> {
  await transact(deps.database.db, async (tx) => {
    const order = await findOrder(tx, p, orderId, true);
    if (!order) throw notFound(ORDER);
    if (!hasRole(p, 'order_desk', 'admin') && order.created_by !== p.userId) {
      throw new AppError({
        status: 403,
        code: 'RENAME_NOT_CREATOR',
        message: {
          zh: '只有下单人或订单组可以变更公司名',
          en: 'Only the order’s creator or the order desk may set the new name',
        },
      });
    }
    if (!renamable(order) || !(await setRenameTo(tx, order.id, name.nameZh, name.nameEn ?? null))) {
      throw new AppError({
        status: 409,
        code: order.order_type === 'renew' ? 'RENAME_AFTER_APPROVAL' : 'RENAME_NOT_RENEWAL',
        message:
          order.order_type === 'renew'
            ? {
                zh: `订单已${order.state}，不能再随续期改公司名`,
                en: `The order is ${order.state}; the company can no longer be renamed with it`,
              }
            : { zh: '只有续期订单可以变更公司名', en: 'Only a renewal can carry a company rename' },
        fixes: [
          {
            zh: '提交公司名变更申请（POST /api/v1/company-renames），由订单组审核',
            en: 'File a company rename request (POST /api/v1/company-renames) for the order desk',
          },
        ],
        details: { rule: 'R7', state: order.state },
      });
    }
    await appendAudit(tx, deps.clock, actorOf(p), {
      objectType: 'order',
      objectId: order.id,
      action: 'rename_set',
      after: { nameZh: name.nameZh, nameEn: name.nameEn ?? null },
    });
  });
}
