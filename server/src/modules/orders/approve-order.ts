import { type Clock, toDate, today } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { isTransaction, transact } from '../../platform/db/transact';
import type { Deps } from '../../platform/deps';
import { conflict, notFound, type Text } from '../../platform/errors';
import { enqueueJob } from '../../platform/jobs/jobs-store';
import { actorOf, type Principal, requireRole, systemPrincipal } from '../../platform/principal';
import { appendAudit } from '../audit/audit-store';
import { loadPlans, planOnSale } from '../catalog';
import { applyPaidOrder, type ComponentView, type PaidLine } from '../entitlements';
import { notify } from '../notifications';
import { applyCompanyRename } from '../parties';
import { captureFunds } from '../wallets';
import { emitEvent, orderPaid } from '../webhooks';
import { captureCredits, ORDER, type OrderRow } from './order';
import { ORDER_DUE_JOB, paymentWindow } from './order-payment';
import { findOrder, linesOf, moveOrder, setLinePeriod } from './order-store';
import { refuseDepartedPayer } from './refuse-departed-payer';

/**
 * An approval the review policy makes (R3) inside the caller's transaction, on the submitted order the
 * caller locked there: the submit of a draft under an `auto` mode, a renewal's contract arriving.
 */
export interface PolicyApproval {
  order: OrderRow;
  /** The caller already took the company's lock and checked the payer in this transaction (R17). */
  payerChecked?: boolean;
}

/**
 * Submitted → approved → paid in one transaction: capture the hold (Dr wallet / Cr revenue and
 * pass-through payable), then grant the entitlements (R29: only once paid) and tell the submitter (R4).
 * The order desk's decision, or with `policy` the system's, joined to the caller's transaction
 * (`within`), `reason` then naming the policy (R40). Returns warnings, e.g. R8 a plan that went off sale since the order was created.
 */
export async function approveOrder(
  deps: Deps,
  p: Principal,
  orderId: string,
  reason?: string,
  policy?: PolicyApproval,
): Promise<Text[]> {
  if (policy) {
    // The policy's order was read under lock by the caller: only its own transaction may pass it.
    if (!isTransaction(deps.database.db) || policy.order.id !== orderId) {
      throw new Error(`a policy approval of ${orderId} runs inside the transaction that locked it`);
    }
  } else {
    requireRole(p, ['order_desk', 'admin'], { zh: '审核订单', en: 'approve orders' });
  }
  const { clock } = deps;
  return transact(deps.database.db, async (tx) => {
    const order = policy?.order ?? (await findOrder(tx, p, orderId, true));
    if (!order) throw notFound(ORDER);
    const auto = policy !== undefined;
    const cause = reason ?? null;
    const now = toDate(clock.now());
    if (!policy?.payerChecked) await refuseDepartedPayer(tx, order);
    // R40: an automatic decision is the system's, its cause (the policy) the reason; the person who
    // triggered it stays on their own row (submit, contract arrival).
    const by = auto ? systemPrincipal(p.channel) : p;
    // R29: paid by anything but the wallet, the approved order waits for its payment until this instant.
    const due =
      order.payment_method === 'wallet' ? null : clock.now().add(paymentWindow(order.payment_method, !auto));
    if (
      !(await moveOrder(tx, order.id, 'submitted', 'approved', {
        decided_by: by.userId,
        decided_at: now,
        decision_comment: cause,
        ...(due ? { payment_due_at: toDate(due) } : {}),
      }))
    ) {
      throw conflict('ORDER_NOT_SUBMITTED', { zh: '订单已被他人处理', en: 'The order was already decided' });
    }
    await appendAudit(tx, clock, actorOf(by), {
      objectType: 'order',
      objectId: order.id,
      action: auto ? 'auto_approve' : 'approve',
      stateBefore: 'submitted',
      stateAfter: 'approved',
      reason: cause,
      ...(due ? { after: { paymentDueAt: due.toString() } } : {}),
    });
    const lines = await linesOf(tx, [order.id]);
    // An automatic approval follows a fresh quote, so only a reviewed order can have gone off sale (R8).
    const plans = auto
      ? []
      : await loadPlans(
          tx,
          order.product_id,
          lines.map((l) => l.plan_id),
        );
    const day = today(clock).toString();
    const warnings = plans
      .filter((pl) => !planOnSale(pl, day))
      .map((pl) => ({
        zh: `${pl.name_zh} 已停售，仍按原价批准`,
        en: `${pl.name_en ?? pl.name_zh} has gone off sale; approved at the quoted price`,
      }));
    if (due) {
      // Nothing granted, nothing captured: the settled payment does both (payments, R29).
      await enqueueJob(tx, clock, ORDER_DUE_JOB, { orderId: order.id }, due);
      await notify(
        tx,
        clock,
        order.created_by,
        'order_approved',
        {
          zh: `订单 ${order.number} 已通过审核，请在 ${due.toString().slice(0, 16)} (UTC) 前付款`,
          en: `Order ${order.number} was approved; pay it by ${due.toString().slice(0, 16)} (UTC)`,
        },
        { type: 'order', id: order.id },
      );
      return warnings;
    }
    // The grant's rows before the wallet's: every path takes company → subscription → components → wallet
    // (ADR 0015), so two transactions never wait for each other in opposite order. Both commit together, so
    // nothing is granted unpaid (R29).
    await grantPaid(tx, clock, by, order, lines);
    if (order.total > 0n) {
      await captureFunds(tx, clock, {
        ref: { type: 'order', id: order.id },
        currency: order.currency,
        credits: captureCredits(order, lines),
        memo: order.number,
      });
    }
    await moveOrder(tx, order.id, 'approved', 'paid', { paid_at: now });
    await appendAudit(tx, clock, actorOf(by), {
      objectType: 'order',
      objectId: order.id,
      action: 'capture',
      stateBefore: 'approved',
      stateAfter: 'paid',
      after: { captured: order.total },
      reason: auto ? cause : null,
    });
    return warnings;
  });
}

/**
 * What every paid order grants, in the transaction that takes its money (R29: never unpaid): the entitlements,
 * a rename it carries (R7), and the submitter's notification (R4). `locked`: see applyPaidOrder.
 */
export async function grantPaid(
  tx: Tx,
  clock: Clock,
  by: Principal,
  order: OrderRow,
  lines: PaidLine[],
  locked?: ComponentView[],
): Promise<void> {
  // The rename first: it takes the company row, which comes before the components (ADR 0015's lock order).
  if (order.rename_to_zh) {
    const name = { nameZh: order.rename_to_zh, nameEn: order.rename_to_en };
    await applyCompanyRename(tx, clock, by, order.company_id, name, `R7: ${order.number}`);
  }
  const moved = await applyPaidOrder(tx, clock, order, lines, locked);
  for (const m of moved) await setLinePeriod(tx, m.lineId, m.start, m.end);
  await notify(
    tx,
    clock,
    order.created_by,
    'order_approved',
    {
      zh: `订单 ${order.number} 已通过审核并扣款`,
      en: `Order ${order.number} was approved and paid`,
    },
    { type: 'order', id: order.id },
  );
  await emitEvent(tx, clock, orderPaid(order, toDate(clock.now())));
}
