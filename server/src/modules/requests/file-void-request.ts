import { transact } from '../../platform/db/transact';
import { type Deps, within } from '../../platform/deps';
import { conflict, notFound } from '../../platform/errors';
import { hasRole, type Principal, requireRole } from '../../platform/principal';
import { findOrder, voidRequestable } from '../orders';
import { openRequest } from './open-request';
import type { Moved } from './request';
import { openRequestOn } from './request-store';

export interface VoidRequestInput {
  orderId: string;
  evidence: 'signed_void_document' | 'manager_approval';
  reference: string;
  reason: string;
}

const ORDER = { zh: '订单', en: 'Order' };

/**
 * R5: an archived unpaid order is voided only through a request to the order desk, carrying the customer's
 * signed void document or a manager's approval. Filed by the order's creator or by the desk.
 */
export async function fileVoidRequest(deps: Deps, p: Principal, input: VoidRequestInput): Promise<Moved> {
  requireRole(p, ['partner_agent', 'sales', 'order_desk', 'admin'], {
    zh: '申请作废订单',
    en: 'request order voids',
  });
  return transact(deps.database.db, async (tx) => {
    // The order's lock serialises filings for one order (the unique index is the backstop).
    const order = await findOrder(tx, p, input.orderId, true);
    if (!order) throw notFound(ORDER);
    if (!hasRole(p, 'order_desk', 'admin') && order.created_by !== p.userId) {
      throw conflict('VOID_REQUEST_NOT_CREATOR', {
        zh: '只有下单人或订单组可以申请作废该订单',
        en: 'Only the order’s creator or the order desk may request its void',
      });
    }
    if (!voidRequestable(order)) {
      throw conflict(
        'VOID_REQUEST_NOT_NEEDED',
        order.state === 'paid'
          ? {
              zh: '订单已付款，请提交退款（返款）申请',
              en: 'The order is paid; file a refund request instead',
            }
          : order.archived_at
            ? { zh: `订单已${order.state}，不能作废`, en: `The order is ${order.state} and cannot be voided` }
            : {
                zh: '订单尚未归档，无需作废申请：按 R5 直接作废或由订单组处理',
                en: 'The order is not archived; no void request is needed (R5: void it directly or ask the desk)',
              },
      );
    }
    const open = await openRequestOn(tx, { category: 'void', orderId: order.id });
    if (open) {
      throw conflict('VOID_REQUEST_OPEN', {
        zh: `该订单已有待处理的作废申请 ${open}`,
        en: `Void request ${open} for this order is still open`,
      });
    }
    const payload = {
      orderId: order.id,
      orderNumber: order.number,
      evidenceKind: input.evidence,
      reference: input.reference,
      reason: input.reason,
    };
    return openRequest(within(deps, tx), p, {
      category: 'void',
      partnerId: order.partner_id,
      companyId: order.company_id,
      payload,
      reason: input.reason,
      submit: true,
    });
  });
}
