import type { Clock } from '../../platform/clock';
import { toDate, today } from '../../platform/clock';
import type { Tx } from '../../platform/db/database';
import { depsIn } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import type { Principal } from '../../platform/principal';
import { byLatest, reduceSeats, refundLine } from '../entitlements';
import {
  addRefunded,
  findOrder,
  linesOf,
  markSettledOffline,
  type OrderLineRow,
  type OrderRow,
  payerOf,
  voidOrder,
} from '../orders';
import { applyCompanyRename } from '../parties';
import { creditWallet } from '../wallets';
import { emitEvent, refundDone } from '../webhooks';
import { applyTransfer } from './apply-transfer';
import { type RefundLineRow, refundLinesOf, setRefundLineAmount } from './refund-store';
import type { RequestRow } from './request';
import { topupsOf } from './topup-store';

/** The effect of an approved request, in the approving transaction. */
export async function applyApproval(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const cause = { type: 'request', id: r.id };
  switch (r.category) {
    case 'topup': {
      const [t] = await topupsOf(tx, [r.id]);
      if (!t) throw new Error(`top-up ${r.id} has no details`);
      await creditWallet(tx, clock, {
        ownerType: t.wallet_owner_type,
        ownerId: t.wallet_owner_id,
        currency: t.currency,
        amount: t.amount,
        kind: 'topup',
        from: 'offline_cash',
        ref: { type: 'request', id: r.id },
        memo: `${r.number} ${t.bank_ref}`,
      });
      return;
    }
    case 'refund':
      return applyRefund(tx, clock, p, r);
    case 'seat_reduction': {
      const pl = r.payload as { componentId: string; seats: number };
      await reduceSeats(tx, clock, pl.componentId, pl.seats, cause);
      return;
    }
    case 'transfer':
      return applyTransfer(tx, clock, p, r);
    case 'void':
      return applyVoid(tx, clock, p, r);
    case 'rename': {
      const pl = r.payload as { companyId: string; nameZh: string; nameEn: string | null };
      await applyCompanyRename(tx, clock, p, pl.companyId, pl, `R7: ${r.number}`);
      return;
    }
  }
}

/** R5: the desk accepted the evidence; the archived order is voided and its hold released, if still unpaid. */
async function applyVoid(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const pl = r.payload as { orderId: string; reference: string };
  await voidOrder(depsIn(tx, clock), p, pl.orderId, `${r.number} · ${pl.reference}`, true);
}

/** R32/R35/R27: refund each line (never past what was paid), roll entitlements back, credit the wallet. */
async function applyRefund(tx: Tx, clock: Clock, p: Principal, r: RequestRow): Promise<void> {
  const day = today(clock).toString();
  const byOrder = new Map<string, { order: OrderRow; amount: bigint }>();
  let mode: 'refund' | 'settled_offline' = 'refund';
  // Each order is locked and read once, however many of its lines the batch refunds.
  const loaded = new Map<string, Promise<[OrderRow | undefined, OrderLineRow[]]>>();
  const load = (orderId: string) => {
    const hit = loaded.get(orderId) ?? Promise.all([findOrder(tx, p, orderId, true), linesOf(tx, [orderId])]);
    loaded.set(orderId, hit);
    return hit;
  };
  const batch: { rl: RefundLineRow; order: OrderRow; line: OrderLineRow }[] = [];
  for (const rl of await refundLinesOf(tx, r.id)) {
    const [order, lines] = await load(rl.order_id);
    const line = lines.find((l) => l.id === rl.order_line_id);
    if (!order || !line) throw new Error(`refund line ${rl.id} lost its order`);
    batch.push({ rl, order, line });
  }
  // R32: latest-first, so each renewal of a chain in the batch is the latest when its turn comes.
  for (const { rl, order, line } of batch.sort((a, b) => byLatest(a.line, b.line))) {
    mode = rl.mode;
    const amount =
      rl.mode === 'settled_offline'
        ? rl.amount
        : await refundLine(tx, clock, order, line, day, { cause: { type: 'request', id: r.id } });
    if (amount !== rl.amount) await setRefundLineAmount(tx, rl.id, amount);
    if (amount > 0n && !(await addRefunded(tx, line.id, amount))) {
      throw new AppError({
        status: 409,
        code: 'REFUND_EXCEEDS_PAID',
        message: {
          zh: `订单 ${order.number} 的退款将超过已付金额`,
          en: `Refunding order ${order.number} would exceed what was paid`,
        },
      });
    }
    if (
      rl.mode === 'settled_offline' &&
      !byOrder.has(order.id) &&
      !(await markSettledOffline(tx, clock, order.id))
    ) {
      throw new AppError({
        status: 409,
        code: 'ALREADY_SETTLED_OFFLINE',
        message: {
          zh: `订单 ${order.number} 已线下核销`,
          en: `Order ${order.number} was already settled offline`,
        },
      });
    }
    byOrder.set(order.id, { order, amount: (byOrder.get(order.id)?.amount ?? 0n) + amount });
  }
  // A batch has one payer and currency (checked on filing); one wallet credit per order keeps the
  // settled-offline entry unique per order (R27: at most once).
  for (const [orderId, { order, amount }] of byOrder) {
    if (amount === 0n) continue;
    await creditWallet(tx, clock, {
      ...payerOf(order),
      currency: order.currency,
      amount,
      kind: mode === 'settled_offline' ? 'settled_offline' : 'refund',
      from: mode === 'settled_offline' ? 'offline_settlement' : 'revenue',
      ref: { type: 'order', id: orderId },
      memo: r.number,
    });
  }
  await emitEvent(tx, clock, refundDone(r, mode, [...byOrder.values()], toDate(clock.now())));
}
